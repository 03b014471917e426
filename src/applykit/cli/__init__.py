"""The command-line interface: commands parse input, call the library, present the result."""

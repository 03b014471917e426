"""initial tracker: applications, status history, notes, contacts, interviews, documents,
answers, answer bank

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("company", sa.String(300), nullable=False),
        sa.Column("position", sa.String(300), nullable=False),
        sa.Column("job_url", sa.Text()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("location", sa.Text()),
        sa.Column("work_mode", sa.String(50)),
        sa.Column("compensation", sa.Text()),
        sa.Column("requisition_id", sa.String(200)),
        sa.Column("team", sa.Text()),
        sa.Column("posted_on", sa.Date()),
        sa.Column("applied_on", sa.Date()),
        sa.Column("follow_up_on", sa.Date()),
        sa.Column("job_description", sa.Text(), nullable=False),
        sa.Column("personal_connection", sa.Text()),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
    )
    op.create_index("ix_applications_status", "applications", ["status"])
    op.create_index("ix_applications_company", "applications", ["company"])

    children: dict[str, list[sa.Column[object]]] = {
        "status_events": [
            sa.Column("status", sa.String(20), nullable=False),
            sa.Column("at", TS, nullable=False),
            sa.Column("note", sa.Text(), nullable=False),
        ],
        "notes": [
            sa.Column("at", TS, nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
        ],
        "contacts": [
            sa.Column("name", sa.Text(), nullable=False),
            sa.Column("role", sa.Text()),
            sa.Column("email", sa.Text()),
            sa.Column("note", sa.Text(), nullable=False),
        ],
        "interviews": [sa.Column("at", TS, nullable=False)],
        "documents": [
            sa.Column("kind", sa.String(50), nullable=False),
            sa.Column("filename", sa.Text(), nullable=False),
            sa.Column("sha256", sa.String(64), nullable=False),
            sa.Column("size", sa.Integer(), nullable=False),
            sa.Column("added_at", TS, nullable=False),
            sa.Column("content", sa.LargeBinary()),
        ],
        "application_answers": [
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("answer", sa.Text(), nullable=False),
            sa.Column("source", sa.String(10), nullable=False),
        ],
    }
    for name, columns in children.items():
        op.create_table(
            name,
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("application_id", sa.Integer(), nullable=False),
            *columns,
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
            sa.ForeignKeyConstraint(
                ["application_id"],
                ["applications.id"],
                name=f"fk_{name}_application_id_applications",
                ondelete="CASCADE",
            ),
        )
        op.create_index(f"ix_{name}_application_id", name, ["application_id"])

    op.create_table(
        "answer_bank",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("question_key", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answer_bank"),
        sa.UniqueConstraint("question_key", name="uq_answer_bank_question_key"),
    )


def downgrade() -> None:
    op.drop_table("answer_bank")
    for name in (
        "application_answers",
        "documents",
        "interviews",
        "contacts",
        "notes",
        "status_events",
    ):
        op.drop_table(name)
    op.drop_table("applications")

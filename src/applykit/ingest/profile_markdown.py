"""Profile → Markdown resume in the shape the Markdown importer reads back."""

from __future__ import annotations

from applykit.models.profile import Education, Profile, Project, Volunteer, Work


def to_markdown(profile: Profile) -> str:
    out: list[str] = []
    basics = profile.basics
    out.append(f"# {basics.name or 'Unnamed'}")
    contact = [basics.label]
    if basics.location is not None:
        place = ", ".join(p for p in (basics.location.city, basics.location.region) if p)
        contact.append(place or basics.location.address)
    contact += [basics.email, basics.phone, basics.url]
    contact += [link.url for link in basics.profiles]
    out.append(" · ".join(item for item in contact if item))
    if basics.summary:
        out += ["", "## Summary", "", basics.summary.strip()]
    if profile.work:
        out += ["", "## Experience"]
        for work in profile.work:
            out += _entry(work)
    if profile.projects:
        out += ["", "## Projects"]
        for project in profile.projects:
            out += _project(project)
    if profile.education:
        out += ["", "## Education"]
        for education in profile.education:
            out += _education(education)
    if profile.volunteer:
        out += ["", "## Volunteer"]
        for volunteer in profile.volunteer:
            out += _entry(volunteer)
    if profile.skills:
        out += ["", "## Skills", ""]
        for group in profile.skills:
            level = f" ({group.level})" if group.level else ""
            out.append(f"- {group.name}{level}: {', '.join(group.keywords)}")
    if profile.languages:
        out += ["", "## Languages", ""]
        for language in profile.languages:
            fluency = f" ({language.fluency})" if language.fluency else ""
            out.append(f"- {language.language}{fluency}")
    if profile.awards:
        out += ["", "## Awards", ""]
        for award in profile.awards:
            parts = [award.title, award.awarder, award.date, award.summary]
            out.append("- " + " — ".join(p for p in parts if p))
    if profile.certificates:
        out += ["", "## Certifications", ""]
        for cert in profile.certificates:
            parts = [cert.name, cert.issuer, cert.date, cert.url]
            out.append("- " + " — ".join(p for p in parts if p))
    if profile.publications:
        out += ["", "## Publications", ""]
        for pub in profile.publications:
            parts = [f'"{pub.name}"', pub.publisher, pub.releaseDate, pub.url]
            out.append("- " + " — ".join(p for p in parts if p))
    if profile.interests:
        out += ["", "## Interests", ""]
        for interest in profile.interests:
            keywords = f": {', '.join(interest.keywords)}" if interest.keywords else ""
            out.append(f"- {interest.name}{keywords}")
    if profile.unplaced:
        out += ["", "## Unplaced", ""]
        out += [f"- {text}" for text in profile.unplaced]
    return "\n".join(out).rstrip() + "\n"


def _dates(start: str | None, end: str | None) -> str | None:
    if not start and not end:
        return None
    end_text = "Present" if end == "present" else end
    if start and end_text:
        return f"{start} – {end_text}"
    return start or end_text


def _entry(entry: Work | Volunteer) -> list[str]:
    if isinstance(entry, Work):
        org, title, location = entry.name, entry.position, entry.location
    else:
        org, title, location = entry.organization, entry.position, None
    heading = " — ".join(p for p in (title, org) if p) or "Untitled"
    lines = ["", f"### {heading}"]
    meta = [_dates(entry.startDate, entry.endDate), location, entry.url]
    if any(meta):
        lines.append(" · ".join(m for m in meta if m))
    if entry.summary:
        lines += ["", f"> {entry.summary.strip()}"]
    if entry.highlights:
        lines.append("")
        lines += [f"- {fact.text}" for fact in entry.highlights]
    return lines


def _project(project: Project) -> list[str]:
    lines = ["", f"### {project.name}"]
    meta = [_dates(project.startDate, project.endDate), project.url]
    if any(meta):
        lines.append(" · ".join(m for m in meta if m))
    if project.description:
        lines += ["", f"> {project.description.strip()}"]
    lines.append("")
    lines += [f"- {fact.text}" for fact in project.highlights]
    if project.keywords:
        lines.append(f"- Keywords: {', '.join(project.keywords)}")
    return lines


def _education(education: Education) -> list[str]:
    degree = education.studyType or ""
    if education.area:
        degree = f"{degree} in {education.area}" if degree else education.area
    heading = " — ".join(p for p in (degree, education.institution) if p) or "Education"
    lines = ["", f"### {heading}"]
    meta = [_dates(education.startDate, education.endDate), education.url]
    if any(meta):
        lines.append(" · ".join(m for m in meta if m))
    bullets = []
    if education.score:
        bullets.append(f"- GPA: {education.score}")
    if education.courses:
        bullets.append(f"- Courses: {'; '.join(education.courses)}")
    bullets += [f"- {fact.text}" for fact in education.highlights]
    if bullets:
        lines += ["", *bullets]
    return lines

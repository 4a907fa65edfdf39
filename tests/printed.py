"""Documents as a person sees them: converted to PDF by LibreOffice headless, their text read
back by pdftotext in the order it was laid out (a page per form feed), and the first page
rendered to a PNG under tests/artifacts/ for a person to look at."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TOOLS = ("soffice", "pdftotext", "pdftoppm")


@dataclass(frozen=True)
class Printed:
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def printed(content: bytes, name: str, *, all_pages: bool = False, suffix: str = "docx") -> Printed:
    """The document `name` (.docx, or another `suffix`: a workbook's sheets are printed one
    after another) as LibreOffice prints it; its first page (every page with `all_pages`) saved
    as tests/artifacts/<name>-<page>.png."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:  # scripts/test.sh installs them (Debian's libreoffice-writer, poppler-utils)
        pytest.skip(f"not installed: {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / f"{name}.{suffix}"
        source.write_bytes(content)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = work / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice made no PDF of {name}"
        text = subprocess.run(
            ["pdftotext", "-raw", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        ARTIFACTS.mkdir(exist_ok=True)
        last = ["-l", "1"] if not all_pages else []
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", *last, str(pdf), str(ARTIFACTS / name)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return Printed(pages=pages)


def joined(text: str) -> str:
    """The text with its layout's runs of spaces and line breaks made single spaces, and a
    word broken at its hyphen across two lines («Психолого-|педагогические») made whole."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))

"""What `translate import` reports, whatever the format it read (review sheets, XLIFF…).

Each format's importer lives in its own module and returns an ``ImportReport``; the command
(translate/cli/import_cmd.py) picks the importer by the file's extension (``IMPORTERS``).
"""

from __future__ import annotations

from dataclasses import dataclass

# extension → (module, function taking the file's Path and returning an ImportReport)
IMPORTERS: dict[str, tuple[str, str]] = {
    ".csv": ("translate.sheet", "import_sheet"),
    ".xlsx": ("translate.sheet", "import_sheet"),
}


@dataclass(frozen=True)
class ImportReport:
    imported: int  # entries whose translation was brought in
    unchanged: int  # rows or units that changed nothing
    skipped: tuple[str, ...] = ()  # one sentence per row/unit left out, and why
    written: tuple[str, ...] = ()  # catalogues written

    def summary(self) -> str:
        return (
            f"{self.imported} translation(s) imported into {len(self.written)} catalogue(s), "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )

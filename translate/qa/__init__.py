"""Quality checks on vi→en catalogues: the rules behind `translate check` (the CI gate).

- :mod:`translate.qa.readings`: the values a number, date or time stands for, and the forms
  English writes them in;
- :mod:`translate.qa.placeables`: numbers, dates, times, percentages, URLs and e-mails of a
  msgid, and whether the msgstr keeps them in an accepted English form;
- :mod:`translate.qa.textrules`: brackets, looping output, length, language of the msgstr;
- :mod:`translate.qa.checks`: one function per check and the :data:`CHECKS` registry;
- :mod:`translate.qa.runner`: checks over catalogue files, thresholds, GNU `msgfmt --check`.

The names below are the package's public interface.
"""

from translate.qa.checks import CHECKS, Check, Pair, entry_findings, select_checks
from translate.qa.placeables import (
    Placeable,
    TargetFacts,
    missing_placeables,
    placeable_kept,
    source_placeables,
    target_facts,
)
from translate.qa.readings import (
    DateValue,
    TimeValue,
    canonical_number,
    english_number_values,
    english_number_words,
    english_numeric_dates,
    english_time_readings,
    same_year,
    scaled_values,
    vietnamese_date,
    vietnamese_number_values,
    vietnamese_time,
)
from translate.qa.runner import (
    CatalogueSummary,
    CheckOptions,
    CheckReport,
    Finding,
    Threshold,
    check_catalogue,
    check_catalogues,
    parse_msgfmt_output,
    parse_threshold,
    run_msgfmt,
)
from translate.qa.textrules import (
    bracket_problems,
    is_vietnamese_sentence,
    length_ratio_outlier,
    new_bracket_problems,
    new_repetition,
    non_english_language,
    repeated_run,
)

__all__ = [
    "CHECKS",
    "CatalogueSummary",
    "Check",
    "CheckOptions",
    "CheckReport",
    "DateValue",
    "Finding",
    "Pair",
    "Placeable",
    "TargetFacts",
    "Threshold",
    "TimeValue",
    "bracket_problems",
    "canonical_number",
    "check_catalogue",
    "check_catalogues",
    "english_number_values",
    "english_number_words",
    "english_numeric_dates",
    "english_time_readings",
    "entry_findings",
    "is_vietnamese_sentence",
    "length_ratio_outlier",
    "missing_placeables",
    "new_bracket_problems",
    "new_repetition",
    "non_english_language",
    "parse_msgfmt_output",
    "parse_threshold",
    "placeable_kept",
    "repeated_run",
    "run_msgfmt",
    "same_year",
    "scaled_values",
    "select_checks",
    "source_placeables",
    "target_facts",
    "vietnamese_date",
    "vietnamese_number_values",
    "vietnamese_time",
]

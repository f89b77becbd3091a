"""The language of an article's text. The tagger reads English; the warehouse reports what else
comes in, and the stage audit checks every code against the ones this can return."""
import calendar
import re
from functools import cache

# About 150 words: as sure of the language as the whole article, and language identification
# walks every byte in Python: at 3,000 characters it took over a quarter of extraction's time.
LANGUAGE_SAMPLE_CHARS = 1000
MIN_LANGUAGE_WORDS = 5
UNDETERMINED = "und"
# English month names and abbreviations, lower case, from the standard library: date lines,
# datelines and published dates all read them.
ENGLISH_MONTHS = {name.lower(): number for names in (calendar.month_name, calendar.month_abbr)
                  for number, name in enumerate(names) if name} | {"sept": 9}


@cache
def known_language_codes() -> tuple[str, ...]:
    """Every code detect_language can return."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return tuple(sorted(set(LanguageIdentifier.from_model_file(MODEL_FILE).nb_classes) | {UNDETERMINED}))


def detect_language(body: str) -> str:
    """ISO 639-1 code of the body's language, or "und" (undetermined) for too little text."""
    import py3langid

    sample = body[:LANGUAGE_SAMPLE_CHARS]
    if len(re.findall(r"\w+", sample)) < MIN_LANGUAGE_WORDS:
        return UNDETERMINED
    return py3langid.classify(sample)[0]

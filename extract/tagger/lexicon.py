"""The tagger's closed word classes: grammar, not reference data (that lives in the dbt seeds).

Each class names a role a word plays in a commitment statement: a predicate that commits, a cue
that turns a sentence into a call, a doubt, a threat or a criticism, a noun that makes a country
mention an actor ("Korea's foreign ministry") rather than a modifier ("Korean chipmakers"), and so
on. All are lower-case word forms (or, where said, capitalised name words), so that matching needs
neither a tagger nor a lemmatizer.

The lists are data files in ``words/``, one word or phrase a line, each headed by what it is for;
this module loads them (blank lines and "#" lines, which say what a list is for, skipped) and names
the unions the rules use.
"""
from pathlib import Path

WORDS_DIR = Path(__file__).with_name("words")


def package_path(path: str) -> Path:
    """A path named in the pipeline config: relative to this package unless absolute."""
    return Path(path) if Path(path).is_absolute() else Path(__file__).parent / path


def read_entries(file: Path) -> list[str]:
    """A word-list file's entries: blank lines and "#" lines skipped."""
    lines = file.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _entries(name: str) -> list[str]:
    return read_entries(WORDS_DIR / f"{name}.txt")


def words(name: str) -> frozenset[str]:
    """A list of words (or multi-word names, one a line)."""
    return frozenset(_entries(name))


def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A list of phrases, each a tuple of its words, in the file's order."""
    return tuple(tuple(entry.split()) for entry in _entries(name))


def number_words(name: str) -> dict[str, int]:
    """ "word number" lines: how many parties a word means ("both 2")."""
    return {word: int(number) for word, number in (entry.split() for entry in _entries(name))}



AGREEMENT_RESULT_VERBS = words("agreement_result_verbs")
COMMIT_VERBS = words("commit_verbs") | AGREEMENT_RESULT_VERBS
OBJECT_BOUND_VERBS = words("object_bound_verbs")
COOPERATIVE_ACTS = words("cooperative_acts")
INSTRUMENT_LIST_NOUNS = words("instrument_list_nouns")
AGREEMENT_NOUNS = words("agreement_nouns")
COMMIT_NOUNS = words("commit_nouns")
SIGNING_WORDS = words("signing_words")
SIGNING_PARTICIPLES = words("signing_participles")
NON_ARGUMENT_RELATIONS = words("non_argument_relations")
MEETING_VERBS = words("meeting_verbs")
GOVERNING_HEDGES = words("governing_hedges")
PENDING_WORDS = words("pending_words")
DEFINING_WORDS = words("defining_words")
SEPARATING_WORDS = words("separating_words")
CONDITION_MARKS = words("condition_marks")
COUNTERFACTUAL_MODALS = words("counterfactual_modals")
SPEECH_VERBS = words("speech_verbs")
COMMENTATORS = words("commentators")
SUBORDINATORS = words("subordinators")
COMPANY_NOUNS = words("company_nouns")
COMPANY_PHRASES = frozenset(phrases("company_phrases"))
CIRCUMSTANCE_RELATIONS = words("circumstance_relations")
PREAMBLE_WORDS = words("preamble_words")
ITEM_MARKERS = words("item_markers")
FUTURE_MARKERS = words("future_markers")
INTENT_PHRASES = phrases("intent_phrases")
INTENT_WORDS = words("intent_words")
COLLECTIVE_SUBJECTS = words("collective_subjects")
QUESTION_LABELS = words("question_labels")
CONTINUING_CONNECTIVES = words("continuing_connectives")
ACT_MODALS = words("act_modals")
MONEY_AMOUNT_WORDS = words("money_amount_words")
CURRENCY_WORDS = words("currency_words")
AID_NOUNS = words("aid_nouns")
PURCHASE_WORDS = words("purchase_words")
NEGATIVE_OBJECTS = words("negative_objects")
MODIFYING_COMPARATIVES = words("modifying_comparatives")
NON_COMMITTAL_VERBS = words("non_committal_verbs")
NON_COMMITTAL_OBJECTS = words("non_committal_objects")
TERMINATION_VERBS = words("termination_verbs")
ONE_OFF_MEETING_WORDS = words("one_off_meeting_words")
RECURRENCE_WORDS = words("recurrence_words")
NOMINAL_ACTS = words("nominal_acts")
NOMINAL_GOVERNORS = words("nominal_governors")
DETERMINERS = words("determiners")
GROUP_NOUNS = words("group_nouns")
THIRD_PARTY_PARTICIPLES = words("third_party_participles")
TRANSFER_VERBS = words("transfer_verbs")
ACTS_NEEDING_OVER = words("acts_needing_over")
PLEDGING_WORDS = words("pledging_words")
REGIONS = words("regions")
REGION_PREPOSITIONS = words("region_prepositions")
ACTION_VERBS = words("action_verbs")
ADVERBS = words("adverbs")
CALL_CUES = words("call_cues")
CRITICISM_CUES = words("criticism_cues")
THREAT_CUES = words("threat_cues")
DOUBT_CUES = words("doubt_cues")
NEGATION_CUES = words("negation_cues")
PHRASE_CUES = phrases("phrase_cues")
CLAUSE_WIDE_CUES = words("clause_wide_cues")
COMMENTATOR_NOUNS = words("commentator_nouns")
GOVERNMENT_NOUNS = words("government_nouns")
GOVERNMENT_MODIFIERS = words("government_modifiers")
STATE_BANKS_AND_FUNDS = words("state_banks_and_funds")
STATE_FINANCE_MODIFIERS = words("state_finance_modifiers")
NAME_FOLLOWERS_KEEPING_COUNTRY = words("name_followers_keeping_country")
NAME_PRECEDERS_KEEPING_COUNTRY = words("name_preceders_keeping_country")
LOCATIVE_WORDS = words("locative_words")
GEOGRAPHIC_FOLLOWERS = words("geographic_followers")
EXCLUDING_PRECEDERS = phrases("excluding_preceders")
MEDIATION_VERBS = words("mediation_verbs")
PLACE_NOUNS = words("place_nouns")
ANAPHORIC_SUBJECTS = words("anaphoric_subjects")
ARTIFACT_SUBJECTS = AGREEMENT_NOUNS | words("money_and_project_subjects")
REFERRING_WORDS = ANAPHORIC_SUBJECTS | ARTIFACT_SUBJECTS
MEETING_SUBJECTS = words("meeting_subjects")
ELABORATING_SUBJECTS = ANAPHORIC_SUBJECTS | ARTIFACT_SUBJECTS | MEETING_SUBJECTS
EVENT_SUBJECTS = MEETING_SUBJECTS | words("event_subjects")
BACKGROUND_VERBS = words("background_verbs")
NARRATIVE_VERBS = words("narrative_verbs")
NUMBER_WORDS = number_words("number_words")
LEADER_TITLES = words("leader_titles")
OFFICIAL_TITLES = words("official_titles")
FORMER_WORDS = words("former_words")
CLAUSE_BREAKERS = words("clause_breakers")
CLAUSE_BREAKERS_AFTER_COMMA = words("clause_breakers_after_comma")
AGREEMENT_TYPE_WORDS = words("agreement_type_words")
PLEDGE_TYPE_WORDS = words("pledge_type_words")
STATEMENT_TYPE_WORDS = words("statement_type_words")
STRONG_COMMIT_WORDS = words("strong_commit_words")
MEMBERSHIP_WORDS = words("membership_words")
INSTRUMENT_LIST_OPENERS = phrases("instrument_list_openers")
TRAVEL_VERBS = words("travel_verbs")

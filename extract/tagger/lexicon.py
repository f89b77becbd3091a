"""The tagger's closed word classes: grammar, not reference data (that lives in the dbt seeds).

Each class names a role a word plays in a commitment statement: a predicate that commits, a cue
that turns a sentence into a call, a doubt, a threat or a criticism, a noun that makes a country
mention an actor ("Korea's foreign ministry") rather than a modifier ("Korean chipmakers"), and so
on. All are lower-case word forms, so that matching needs neither a tagger nor a lemmatizer.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs (every inflection) and nouns that state a commitment by themselves.
COMMIT_VERBS = _words("""
    agree agrees agreed agreeing commit commits committed committing pledge pledges pledged pledging
    vow vows vowed promise promises promised sign signs signed signing decide decides decided
    reaffirm reaffirms reaffirmed renew renews renewed endorse endorses endorsed offer offers offered
    conclude concludes concluded seal seals sealed ink inks inked forge forges forged strike strikes struck
    adopt adopts adopted launch launches launched unveil unveils unveiled establish establishes established
    upgrade upgrades upgraded exchange exchanged secure secures secured reach reaches reached
    form forms formed announce announces announced resolve resolved hold holds held conduct conducts
    conducted stage stages staged share shares shared extradite extradites extradited hand hands handed
    donate donates donated deliver delivers delivered""")
# Of these, the ones that need an agreement-like object to commit ("reached an agreement", not
# "reached Manila"; "launched a partnership", not "launched an attack").
OBJECT_BOUND_VERBS = _words("""
    conclude concludes concluded seal seals sealed ink inks inked forge forges forged strike strikes struck
    adopt adopts adopted launch launches launched unveil unveils unveiled establish establishes established
    upgrade upgrades upgraded exchange exchanged secure secures secured reach reaches reached form forms
    formed announce announces announced renew renews renewed endorse endorses endorsed resolve resolved
    hold holds held conduct conducts conducted stage stages staged""")
# Acts of cooperation reported as done ("shared evidence with the U.S.", "extradited ... to
# Britain"): they commit only towards a named counterpart.
COOPERATIVE_ACTS = _words("""share shares shared extradite extradites extradited hand hands handed donate
    donates donated deliver delivers delivered""")
AGREEMENT_NOUNS = _words("""
    agreement agreements deal deals pact pacts accord accords memorandum memoranda mou mous declaration
    declarations treaty treaties partnership partnerships alliance alliances roadmap framework initiative
    statement communique communiqué consensus plan plans programme program package arrangement
    arrangements relations ties cooperation dialogue council task force fund exercises drills manoeuvres
    maneuvers patrols games""")
# Modal and semi-modal markers of a stated intention, followed by the verb they govern.
FUTURE_MARKERS = _words("will would 'll shall")
INTENT_PHRASES = (("plan", "to"), ("plans", "to"), ("planned", "to"), ("aim", "to"), ("aims", "to"),
                  ("intend", "to"), ("intends", "to"), ("is", "to"), ("are", "to"), ("set", "to"),
                  ("willing", "to"), ("ready", "to"), ("prepared", "to"), ("determined", "to"))
# Verbs of acting together or for a counterpart, which make "will ..." a commitment.
ACTION_VERBS = _words("""
    work cooperate collaborate partner strengthen expand deepen broaden boost bolster enhance step intensify
    provide give grant supply send deliver donate help support back fund finance co-finance invest
    build develop co-develop co-produce produce establish set launch create open conduct share exchange
    coordinate consult train ship export import buy purchase sell lift ease end remove cut reduce
    lower resume restore normalise normalize modernise modernize upgrade promote facilitate conclude sign
    mobilise mobilize contribute release make extend continue seize ramp ensure push pursue jointly form
    pay allocate channel offer receive get protect fight combat tackle implement accelerate advance align
    maintain join withdraw evacuate hand return study cover include build respect uphold host mediate
    phase liberalise liberalize settle settlement increase raise double triple secure assist aid welcome
    cooperating working""")
# Words allowed between a modal and its verb ("will also further expand").
ADVERBS = _words("""also further jointly then soon now together fully gradually quickly swiftly continue to
    immediately eventually closely significantly substantially rapidly still additionally actively""")
# A clause with one of these before its predicate is a call, request or obligation, not a commitment.
CALL_CUES = _words("""
    urge urges urged urging ask asks asked asking request requests requested pushing lobbying lobbied
    demand demands demanded demanding press presses pressed pressing appeal appeals appealed should must
    recommend recommends recommended recommendation want wants wanted propose proposes proposed proposal
    insist insists insisted""")
CRITICISM_CUES = _words("""
    criticise criticises criticised criticize criticizes criticized criticism condemn condemns condemned
    accuse accuses accused denounce denounces denounced slam slams slammed protest protests protested
    complain complains complained oppose opposes opposed objection objected blame blamed""")
THREAT_CUES = _words("""
    threaten threatens threatened threat threats warn warns warned warning retaliate retaliation retaliatory
    boycott boycotts boycotted punish punished ultimatum""")
DOUBT_CUES = _words("""
    could might may possible possibly potential potentially likely unlikely expected expect expects hope
    hopes hoped consider considers considering considered explore explores exploring explored weigh weighs
    weighing mull mulls mulling speculation speculate speculated whether if unless hypothetical perhaps
    confident optimistic believe believes believed think thinks predicted predict forecast""")
NEGATION_CUES = _words("""
    not n't never no neither nor fail fails failed failure refuse refuses refused reject rejects rejected
    decline declines declined unable without halt halted suspend suspended cancel cancelled canceled
    deny denies denied""")
# Multi-word cues of the same kinds ("in talks", "under way", "ruled out").
PHRASE_CUES = (("called", "on"), ("called", "for"), ("calls", "on"), ("calls", "for"), ("call", "on"),
               ("call", "for"), ("calling", "on"), ("calling", "for"), ("in", "talks"), ("under", "way"),
               ("under", "discussion"), ("ruled", "out"), ("rule", "out"), ("out", "of", "the", "question"),
               ("no", "decision"), ("no", "agreement"), ("no", "deal"), ("talks", "are"), ("still", "working"),
               ("have", "not"), ("has", "not"), ("did", "not"), ("yet", "to"))
# Cues that block wherever they are in the clause (conditions and threats govern the whole clause).
CLAUSE_WIDE_CUES = _words("unless threatened threatens threaten warned warns ultimatum")
# Subjects whose statements are analysis, not a party's commitment.
COMMENTATOR_NOUNS = _words("""
    analysts analyst economists economist experts expert commentators observers critics campaigners
    activists traders investors consultants consultant researchers think tank lawmakers senators
    opposition groups unions union newspaper editorial""")
# Nouns that make a preceding country mention an actor: "Japan's government", "British officials",
# possibly after modifiers ("Korea's foreign ministry", "the Indian prime minister").
GOVERNMENT_NOUNS = _words("""
    government governments administration ministry ministries minister ministers official officials
    president presidents premier chancellor leader leaders leadership king queen emir sheikh prince
    cabinet parliament senate congress delegation delegations envoy envoys ambassador ambassadors embassy
    diplomats diplomat negotiators negotiator side sides authorities authority secretary spokesman
    spokeswoman spokesperson military army navy forces troops agency agencies regime counterpart
    counterparts team representatives representative department office commission council state
    lawmakers legislators warships vessels soldiers""")
GOVERNMENT_MODIFIERS = _words("""
    foreign defence defense trade energy finance interior economy economic prime senior top chief deputy
    vice development environment commerce industry agriculture health education science home national
    security intelligence naval air armed federal central new visiting two three coast guard self-defense
    - crown supreme""")
# Capitalised words after a country name that keep it a country ("U.S. President", "Japan Coast Guard").
NAME_FOLLOWERS_KEEPING_COUNTRY = _words("""
    President Prime Minister Ministers Premier Chancellor King Queen Crown Prince Emir Sheikh Foreign
    Defence Defense Trade Finance Economy Interior Energy Secretary Secretaries Ambassador Embassy Government
    Navy Army Armed Coast Self-Defense Self Parliament Senate Congress Cabinet Vice Supreme Deputy Special
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Central Development Industry Commerce State Foreign""")
# Words before a country name that make it part of another name ("Lake Chad", "New Mexico" is a
# state, "Northern Ireland"); capitalised words other than these and sentence starts do so too.
NAME_PRECEDERS_KEEPING_COUNTRY = _words("""
    The A An In On At For With From By To Of And Both Neither Either Under Between Unlike Like While
    After Before During Since Meanwhile But Although Though As When Where If And Or Nor Yet So Also
    Former Mr Mrs Ms Dr President Presidents Prime Minister King Queen Chancellor Premier Why How What""")
# Prepositions and verbs after which a capital is a place (a venue), not its government.
LOCATIVE_WORDS = _words("""
    in at to from near outside around across into via visit visited visiting visits arrived arrive
    reached leaving left toward towards back inside through based held flew""")
# Geographic nouns that turn a country name into a place name ("South China Sea", "Niger Delta").
GEOGRAPHIC_FOLLOWERS = _words("Sea Strait Straits Gulf Peninsula Valley River Delta Basin Ocean Bay Canal Island")
# Words before a party that exclude it: "away from China", "against Russia", "instead of Japan".
EXCLUDING_PRECEDERS = (("away", "from"), ("against",), ("rather", "than"), ("instead", "of"), ("except",),
                       ("excluding",), ("unlike",), ("without",), ("reliance", "on"), ("dependence", "on"),
                       ("dependent", "on"), ("independence", "from"), ("around",), ("near",), ("across",),
                       ("through",), ("along",), ("off",), ("inside",), ("outside",), ("beyond",), ("via",),
                       ("talks", "with"), ("negotiations", "with"), ("dispute", "with"), ("conflict", "with"),
                       ("war", "with"), ("tensions", "with"), ("rivalry", "with"), ("fighting", "with"))
# Predicates that bring others together: the countries "between" which they do it are counterparts.
MEDIATION_VERBS = _words("host hosts hosted mediate mediates mediated broker brokers brokered facilitate")
# Nouns of place before "of": "the island of Cyprus" is a place, "the president of Armenia" an actor.
PLACE_NOUNS = _words("""island region province coast north south east west capital city part parts border
    borders territory territories area areas shores waters outskirts heart rest mainland interior""")
# Subjects that refer back to the parties in force, including a country's descriptions ("the
# kingdom", "the island nation"), which carry the set as a single named party would.
ANAPHORIC_SUBJECTS = _words("""
    they both sides leaders governments allies partners ministers countries nations neighbours neighbors
    capitals signatories members delegations parties premiers presidents counterparts we kingdom country
    nation republic emirate""")
# Subjects that are the commitment itself ("The deal also commits ...", "The money will be ...").
ARTIFACT_SUBJECTS = AGREEMENT_NOUNS | _words("""
    money funds funding package loans grants investment aid assistance projects project measures
    commitments scheme programmes programs facility payment""")
# Any word that can stand for parties named earlier.
REFERRING_WORDS = ANAPHORIC_SUBJECTS | ARTIFACT_SUBJECTS
# Subjects of sentences that say what a commitment covers ("The talks highlighted AI and
# quantum computing", "They include work on clean energy"), and the verbs that do so.
ELABORATING_SUBJECTS = ANAPHORIC_SUBJECTS | ARTIFACT_SUBJECTS | _words("""talks dialogue meeting summit
    announcement consultations""")
ELABORATING_VERBS = _words("""include includes included cover covers covered highlight highlights
    highlighted focus focuses focused span spans target targets welcomed welcome part""")
# "the two countries", "both sides", "the three governments": how many parties are meant.
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
# Titles before a leader's surname ("President Moon", "Chancellor Scholz").
LEADER_TITLES = _words("""
    President Presidents Minister Ministers Chancellor Premier King Queen Emir Sheikh Prince PM Leader
    leader Secretary Ayatollah Commissioner""")
FORMER_WORDS = _words("former ex late then-president then-prime then")
# Connectives that end a clause: what follows is another statement ("..., although ...").
CLAUSE_BREAKERS = _words("but although though whereas while despite amid meanwhile however who whom whose")
CLAUSE_BREAKERS_AFTER_COMMA = _words("as after before when since days weeks months hours where even")

AGREEMENT_TYPE_WORDS = _words("""signed sign signs signing memorandum memoranda mou agreement agreements
    accord accords deal deals treaty treaties pact pacts contract contracts""")
PLEDGE_TYPE_WORDS = _words("""pledge pledged pledges provide provides aid grant grants loan loans donate
    fund funds finance billion million trillion""")
STATEMENT_TYPE_WORDS = _words("declaration statement communique communiqué")
STRONG_COMMIT_WORDS = _words("""agreed agree agrees signed signs sign pledged pledges committed commits
    vowed promised concluded sealed""")
# Verbs that name the members of a deal or group: "The partnership brings together South Africa
# with the United States, ...", "... pairs Indonesia with a group that includes Canada, ...".
MEMBERSHIP_WORDS = _words("""together pairs paired includes include included including involves involve
    involving comprises comprise co-led led joined groups unites members signatories backed partners""")
# Phrases after which a list names financial instruments, not sectors ("in the form of grants").
INSTRUMENT_LIST_OPENERS = (("in", "the", "form", "of"), ("provided", "as"), ("come", "as"), ("comes", "as"))
# Travel whose purpose is an act: "will visit Mauritania and Senegal to mediate in a dispute".
TRAVEL_VERBS = _words("visit travel go fly head return")

"""Word lists of the text and measure stages, each in one place: titles and roles, organisation and place
words, particles, calendar words, first names, demonyms, stop words, number words and scales.

Each list keeps the source citation or rationale of the module that reads it (:mod:`analysis.text.names`,
:mod:`analysis.measures.speakers`, :mod:`analysis.measures.actors`, :mod:`analysis.measures.numbers`,
:mod:`analysis.measures.quotes`). Where two readers used copies that had drifted apart (organisation words,
name particles), the shared core is one list and each reader's additions are named beside it, so that every
reader keeps its outputs; the number words (with *lakh* and *crore*) serve every reader of spelled-out
numbers.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists kept readable in the source)."""
    return frozenset(text.split())


# --- names (analysis.text.names) ----------------------------------------
#: Words that are titles or honorifics when they open a name ("President Hassan Rouhani").
TITLE_WORDS: frozenset[str] = wordset(
    """
    president vice prime minister ministers premier chancellor secretary general attorney
    senator sen representative rep congressman congresswoman governor gov mayor ambassador envoy
    spokesman spokeswoman spokesperson chairman chairwoman chair speaker leader majority minority
    whip justice judge king queen prince princess crown emperor sheikh sheik emir amir ayatollah
    imam mullah mufti pope cardinal archbishop bishop reverend rev mr mrs ms dr prof professor sir
    dame lord chief deputy acting lieutenant lt colonel col major maj captain capt sergeant sgt
    admiral adm commander marshal gen cmdr brigadier field officer agent director ceo co elect
    founder sheriff detective trooper counsel councillor councilor councilman councilwoman alderman
    """
)

#: Abbreviations after which a sentence never ends (case-sensitive; :mod:`analysis.text.segment`): titles, ranks, name and
#: company suffixes, "No." and "vs.", and abbreviated month names.
NO_BREAK_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # titles and ranks
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev",
        "Gen", "Gens", "Lt", "Col", "Maj", "Sgt", "Capt", "Cpl", "Pvt", "Adm", "Cmdr",
        "Gov", "Sen", "Sens", "Rep", "Reps", "Pres", "Amb", "Atty", "Supt",
        # places, name and company suffixes, numbering
        "St", "Mt", "Ft", "Jr", "Sr", "No", "vs", "Inc", "Corp", "Co", "Ltd",
        # months
        "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    }
)  # fmt: skip

#: Objects that extend a title after "of": Secretary of State, Chief of Staff, Director of National
#: Intelligence.
TITLE_OBJECTS: frozenset[str] = wordset(
    "state defense defence staff homeland security treasury energy justice interior house"
    " national intelligence"
)

#: Words that make a capitalised run an organisation or place, not a person (both name finders).
ORG_WORDS: frozenset[str] = wordset(
    """
    act administration agency airlines airport alliance army assembly association authority bank
    board bureau center centre church city club coalition college commission committee company
    congress corp corporation corps council county court department district emirates federation
    force forces foundation fund government group guard guards gulf house inc institute island
    islands journal kingdom law league ministry nations network news ocean office organisation
    organization parliament party police post press program programme project province region
    republic river school sea security senate service square state states station street times
    union university valley
    """
)
#: :data:`ORG_WORDS` as :mod:`analysis.text.names` reads them (the last word of an organisation name,
#: after which "of" connects): plus treaties, events and military units.
NAME_ORG_WORDS: frozenset[str] = ORG_WORDS | wordset(
    """
    accord agreement battalion brigade brigades conference desert forum front hospital motors
    mountains movement navy reserve summit team treaty war
    """
)

#: Lower-case particles inside names: Jaish al Adl, Osama bin Laden, Charles de Gaulle.
PARTICLES: frozenset[str] = wordset("al bin da de del della den der di du el ibn la le van von")
#: :data:`PARTICLES` of :mod:`analysis.text.names`.
NAME_PARTICLES: frozenset[str] = PARTICLES | wordset("abu bint das des dos ul")

#: Month names and their abbreviations, lower case.
MONTH_NAMES: frozenset[str] = wordset(
    "january february march april may june july august september october november december"
)
MONTH_ABBREVIATIONS: frozenset[str] = wordset("jan feb mar apr jun jul aug sep sept oct nov dec")

WEEKDAYS: frozenset[str] = wordset("monday tuesday wednesday thursday friday saturday sunday")

#: Past forms of irregular English verbs that are never nouns or adjectives (so not *set*, *cut*,
#: *found*, *left*, *cost*, *read*): a clause's verb where the regular *-ed* is missing (*the plan
#: came too late*); from the irregular-verb list of Quirk et al. (1985), A Comprehensive Grammar
#: of the English Language, Appendix I.
IRREGULAR_PAST: frozenset[str] = wordset("""
came went took made gave got began became brought bought caught chose drew drove ate flew forgot
forgave froze grew heard held kept knew led lost meant met paid ran said sought sold sent shook
slept spoke spent stood stole swore swept taught tore told thought threw understood woke wore
wept won wrote withdrew rode rang sang sank swam fled fought hid broke blew arose overcame overtook
undertook upheld withheld mistook misled foresaw
""")

#: Capitalised words that open sentences but are not names (pronouns, determiners, connectives,
#: sentence adverbs, and common news nouns). A sentence-initial word is also treated as common
#: when it ends in -ly or occurs in lower case elsewhere in the text (singular or plural).
COMMON_WORDS: frozenset[str] = wordset(
    """
    a an the this that these those he she it they we i you his her its their our my your
    but and or nor so yet for in on at by from with without after before when while if as
    because since although though however meanwhile moreover furthermore also still now then
    today yesterday tomorrow earlier later last next first second third both all some many most
    several few each every no not none nothing there here what which who whom whose why how where
    such other another one two three four five six seven eight nine ten according asked under
    over during until unlike despite among between about against into through instead indeed
    leaders officials police authorities analysts critics members experts sources residents
    witnesses observers protesters is are was were be do does did can could will would should
    shall may might must have has had hi hello yes oh well please thanks dear let
    above again almost already always apparently below besides beyond certainly clearly currently
    even false finally further hence him initially just like much nearly never nevertheless
    nonetheless obviously of often once only onto otherwise overall perhaps plus rather recently
    regardless said says sometimes speaking sure them thus to together tonight true ultimately
    unless whether within
    """
)

DEMONYM_SUFFIXES = ("i", "n", "an", "ian", "ese", "ish", "ite", "er")


# --- speakers (analysis.measures.speakers) ----------------------------------------
#: Titles before a name (lower case, dots removed) and the role they give the person ("" = honorific).
TITLE_ROLES: dict[tuple[str, ...], str] = {
    ("president",): "president", ("vice", "president"): "vice president",
    ("president-elect",): "president", ("prime", "minister"): "prime minister",
    ("premier",): "prime minister", ("foreign", "minister"): "foreign minister",
    ("defense", "minister"): "defense minister", ("defence", "minister"): "defense minister",
    ("interior", "minister"): "interior minister", ("finance", "minister"): "finance minister",
    ("minister",): "minister", ("secretary", "of", "state"): "secretary of state",
    ("secretary",): "secretary", ("press", "secretary"): "press secretary",
    ("chancellor",): "chancellor", ("sen",): "senator", ("senator",): "senator",
    ("rep",): "representative", ("reps",): "representative", ("sens",): "senator",
    ("representative",): "representative", ("whip",): "whip", ("majority", "whip"): "whip",
    ("minority", "whip"): "whip",
    ("congressman",): "representative", ("congresswoman",): "representative",
    ("gov",): "governor", ("governor",): "governor", ("lt", "gov"): "lieutenant governor",
    ("lieutenant", "governor"): "lieutenant governor", ("mayor",): "mayor", ("sheriff",): "sheriff",
    ("speaker",): "speaker", ("leader",): "leader", ("majority", "leader"): "leader",
    ("minority", "leader"): "leader", ("supreme", "leader"): "supreme leader",
    ("chairman",): "chairman", ("chairwoman",): "chairman", ("judge",): "judge",
    ("chief", "justice"): "judge", ("justice",): "judge", ("attorney", "general"): "attorney general",
    ("gen",): "general", ("general",): "general", ("adm",): "admiral", ("col",): "colonel",
    ("lt",): "lieutenant", ("maj",): "major", ("sgt",): "sergeant", ("capt",): "captain",
    ("pope",): "pope", ("king",): "king", ("queen",): "queen", ("prince",): "prince",
    ("ayatollah",): "ayatollah", ("sheikh",): "sheikh", ("ambassador",): "ambassador",
    ("envoy",): "envoy", ("commissioner",): "commissioner", ("director",): "director",
    ("spokesman",): "spokesman", ("spokeswoman",): "spokesman", ("ceo",): "chief executive",
    ("chief", "executive"): "chief executive", ("executive", "director"): "executive director",
    ("mr",): "", ("mrs",): "",
    ("ms",): "", ("miss",): "", ("dr",): "", ("prof",): "", ("rev",): "",
}  # fmt: skip

#: Role nouns of descriptions ("the Pakistani prime minister") and of appositives, longest first.
ROLE_WORDS: tuple[str, ...] = (
    "prime minister", "foreign minister", "defense minister", "interior minister", "vice president",
    "secretary of state", "supreme leader", "attorney general", "press secretary", "head of state",
    "executive director", "lieutenant governor", "president", "premier", "leader", "minister",
    "diplomat", "official", "governor", "senator", "congressman", "congresswoman", "representative",
    "lawmaker", "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "mayor", "sheriff", "candidate", "nominee", "judge", "general", "commander",
    "ambassador", "envoy", "politician", "chief", "director", "secretary", "statesman", "cleric",
    "ayatollah", "king", "queen", "prince", "chancellor", "ruler", "strongman", "businessman",
    "businesswoman", "activist", "lawyer", "attorney", "prosecutor", "founder", "strategist",
    "analyst", "executive", "host", "blogger", "columnist", "economist", "professor", "speaker",
)  # fmt: skip

#: Roles that match any office ("the Iranian leader" may be its president).
GENERIC_ROLES = frozenset(
    {
        "leader",
        "official",
        "diplomat",
        "politician",
        "statesman",
        "chief",
        "head of state",
        "ruler",
        "strongman",
    }
)

#: Generic roles that name a country's top office holder, so that with a nationality they resolve to
#: the person holding any office there ("the Iranian leader"); the other generic roles ("the
#: Pakistani diplomat", "the official") name someone else unless the same role is registered.
OFFICE_ROLES = frozenset({"leader", "head of state", "ruler", "strongman"})

ROLE_CANON = {
    "premier": "prime minister", "congressman": "representative", "congresswoman": "representative",
    "lawmaker": "legislator", "chairwoman": "chairman", "spokeswoman": "spokesman",
    "spokesperson": "spokesman", "attorney": "lawyer", "advisor": "adviser",
    "businesswoman": "businessman",
}  # fmt: skip

FEMALE_ROLES = frozenset(
    {"congresswoman", "chairwoman", "spokeswoman", "businesswoman", "queen", "mrs", "ms", "miss"}
)

MALE_ROLES = frozenset(
    {
        "congressman",
        "chairman",
        "spokesman",
        "businessman",
        "king",
        "prince",
        "mr",
        "pope",
        "ayatollah",
        "sheikh",
    }
)

#: Demonyms, parties and group adjectives, normalised to a place or affiliation key.
DEMONYMS: dict[str, str] = {
    "iranian": "iran", "pakistani": "pakistan", "american": "united states", "u.s.": "united states",
    "us": "united states", "afghan": "afghanistan", "saudi": "saudi arabia", "iraqi": "iraq",
    "syrian": "syria", "israeli": "israel", "palestinian": "palestine", "turkish": "turkey",
    "russian": "russia", "chinese": "china", "indian": "india", "british": "britain",
    "french": "france", "german": "germany", "egyptian": "egypt", "mexican": "mexico",
    "canadian": "canada", "japanese": "japan", "korean": "korea", "ukrainian": "ukraine",
    "emirati": "united arab emirates", "qatari": "qatar", "lebanese": "lebanon",
    "jordanian": "jordan", "yemeni": "yemen", "european": "europe", "italian": "italy",
    "spanish": "spain", "libyan": "libya", "cuban": "cuba", "venezuelan": "venezuela",
    "republican": "republican", "democratic": "democratic", "democrat": "democratic",
    "gop": "republican", "conservative": "conservative", "liberal": "liberal",
    "sunni": "sunni", "shiite": "shia", "shia": "shia", "muslim": "muslim", "islamic": "islamic",
    "christian": "christian", "jewish": "jewish", "catholic": "catholic", "arab": "arab",
    "kurdish": "kurdish", "baluch": "baluch", "baloch": "baluch", "pashtun": "pashtun",
}  # fmt: skip

#: :data:`ORG_WORDS` as :mod:`analysis.measures.speakers` reads them (any word of a sequence makes it
#: an organisation): plus media and platforms, institutions, laws and time words.
SPEAKER_ORG_WORDS: frozenset[str] = ORG_WORDS | wordset(
    """
    abc afp amendment america authorities avenue bay bbc bill border busters cabinet campaign
    capitol care caucus cbs cnn co constitution daily day express facebook fox gazette globe
    google guardian hall herald huffington huffpost initiative irna kremlin lake liberties
    lighthouse ltd magazine mail media medicaid medicare month msnbc nbc now npr obamacare
    pentagon reuters review rfi rights services sun supreme tea telegraph tribune twitter voa
    watch week weekly year youtube
    """
)

#: Multi-word place names that look like person names.
PLACES = frozenset({
    "united states", "saudi arabia", "united arab emirates", "united kingdom", "new york",
    "new jersey", "new hampshire", "new mexico", "new zealand", "new delhi", "north carolina",
    "south carolina", "north dakota", "south dakota", "west virginia", "rhode island", "los angeles",
    "san francisco", "san diego", "las vegas", "hong kong", "sri lanka", "south korea",
    "north korea", "south africa", "costa rica", "puerto rico", "abu dhabi", "el salvador",
    "middle east", "latin america", "wall street", "capitol hill", "tel aviv", "gaza strip",
    "west bank", "great britain", "soviet union", "european union", "new orleans", "salt lake",
    "fort hood", "st. louis", "san antonio", "el paso", "des moines", "baton rouge", "long island",
    "white house", "oval office", "ground zero",
})  # fmt: skip

#: Abbreviations of U.S. states after a city (*Beaumont, Tex.*; the AP Stylebook's, and *Tex.* of
#: older AP and the New York Times), less those that are also words, titles or names (*Miss.*,
#: *Wash.*, *Ill.*, *Pa.*, *Del.*) or written with inner points (*N.Y.*).
US_STATE_ABBREVIATIONS = frozenset({
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Kan", "Ky", "Md", "Mich", "Minn",
    "Mont", "Neb", "Nev", "Okla", "Tenn", "Tex", "Vt", "Wis", "Wyo",
})  # fmt: skip

NAME_ABBREVIATIONS = frozenset(
    {
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Lt",
        "Col",
        "Maj",
        "Sgt",
        "Capt",
        "Adm",
        "Rev",
        "Prof",
        "St",
        "Jr",
        "Sr",
        "Ft",
        "Mt",
    }
)

PREPOSITIONS = wordset("""
of on in at for from with to by about against into onto over under between among toward towards than
like via per through across without within behind near despite during upon outside inside beyond
around throughout along amid amongst off
""")

#: Unnamed plural (or indefinite) sources that can be the subject of a reporting verb.
GROUP_NOUNS = wordset("""
analysts officials experts critics sources observers residents witnesses authorities police lawmakers
activists protesters protestors supporters opponents aides advocates organizers diplomats leaders
investigators prosecutors researchers scientists economists doctors teachers students parents voters
citizens people reports polls democrats republicans conservatives liberals administration spokesman
spokeswoman spokesperson source official officers soldiers military militants rebels groups families
members neighbors commentators historians pundits insiders strategists operatives donors delegates
pollsters consultants staffers advisers allies
""")

FEMALE_NAMES = wordset("""
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
Ashley Kimberly Emily Donna Michelle Michele Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon
Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine
Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria
Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances
Gloria Ann Anne Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise
Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose
Alexis Kayla Hillary Nikki Kamala Sasha Malia Huma Joni Sonia Sheila Maxine Dianne Debbie Kirsten Tammy
Elena Valerie Condoleezza Condi Madeleine Janet Benazir Angela Theresa Jacinda Marine Ségolène Christiane
Kellyanne Sarah Ivanka Melania Michele Kathleen Loretta Janet Gina Elise Ilhan Alexandria Ayanna Rashida
Tulsi Liz Lynne Jan Wendy Carly Meg Patty Barbara Olympia Lisa Susan Heidi Claire Mazie Tammy Terri Jill
""")

MALE_NAMES = wordset("""
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
Mark Will Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey
Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory
Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary
Peter Kyle Walter Keith Roger Sean Gerald Carl Harold Arthur Lawrence Jesse Bryan Billy Bruce Joe Alan
Eugene Russell Vincent Philip Bobby Johnny Bradley Roy Ralph Randy Wayne Howard Mitt Rick Barack Bill
Newt Ted Rand Chris Jeb Marco Mitch Harry Hassan Imran Ali Mohammad Muhammad Mohammed Ahmed Vladimir Bernie
Jim Tom Bob Mike Dan Dave Steve Tim Jon Ron Ben Sam Greg Jeff Matt Nick Andy Tony Ken Doug Al Lindsey
Dick Newt Herman Reince Rudy Karl Rush Sean Glenn Hosni Bashar Recep Narendra Nawaz Shinzo Xi Emmanuel
Javad Mahmoud Hamid Ashraf Shah Abbas Hugo Fidel Raul Deval Anthony Todd Chuck Darrell Jerrold Jay Reid
Eliot Andrew Orrin Lamar Jared Rex Mike Kevin Elijah Trey Jason Adam Jeb Ron Bret Lloyd Pete Beto Cory
""")

FIRST_NAMES: frozenset[str] = FEMALE_NAMES | MALE_NAMES


# --- actor descriptors (analysis.measures.actors) ----------------------------------------
#: Lower-case words that can describe an actor inside its noun phrase: head nouns of groups,
#: institutions and roles, and the modifiers that label them. Words matching a label-codebook
#: pattern (terrorist, militant, separatists ...) count too, as do title words before a name.
DESCRIPTOR_WORDS: frozenset[str] = wordset(
    """
    group groups organization organizations organisation organisations movement movements network
    networks faction factions militia militias army armies force forces guards corps wing cell
    cells outfit outfits alliance coalition party parties front brigade brigades unit units
    government governments regime regimes authorities administration officials official leader
    leaders leadership chief commander commanders spokesman spokeswoman spokesperson minister
    ministry president premier diplomat diplomats agency media state country countries neighbor
    neighbors neighbour neighbours ally allies rival rivals enemy enemies member members supporters
    men soldiers troops refugees minority minorities community tribe tribes people activists
    protesters critics opposition clerics cleric elite establishment
    armed banned outlawed proscribed hardline hard-line violent foreign regional local ruling main
    suspected alleged so-called notorious shadowy little-known rebel separatist secessionist
    radical religious sectarian ethnic tribal anti-government pro-government prime vice deputy
    secretary general senior top former
    """
)

DESCRIPTOR_STOP_WORDS = wordset("a an the of and or to in on at by for with from that which who")


# --- numbers (analysis.measures.numbers) ----------------------------------------
ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}  # fmt: skip

TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip

TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip

SMALL_NUMBERS = {**ONES, **TEENS, **TENS}

SCALES = {"hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7,
           "billion": 1e9, "trillion": 1e12}  # fmt: skip

SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
               "trn": 1e12}  # fmt: skip

VAGUE_PLURALS = {"tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 1e2, "thousands": 1e3,
          "millions": 1e6, "billions": 1e9, "trillions": 1e12}  # fmt: skip

FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip

#: Head nouns (singular, lower-case) that make a count a count of people.
PERSON_HEADS: frozenset[str] = frozenset(
    {
        "soldier", "member", "troop", "personnel", "guard", "guardsman", "serviceman",
        "servicemember", "trooper", "marine", "officer", "policeman", "police", "cop",
        "people", "person", "civilian", "individual", "resident", "villager", "citizen", "national",
        "man", "woman", "child", "kid", "boy", "girl", "baby", "infant", "minor", "adult",
        "refugee", "migrant", "immigrant", "asylum-seeker", "evacuee", "pilgrim", "passenger",
        "worker", "employee", "staff", "student", "teacher", "doctor", "nurse", "patient",
        "protester", "protestor", "demonstrator", "voter", "supporter", "lawmaker", "senator",
        "official", "diplomat", "minister", "leader", "journalist", "reporter", "activist",
        "militant", "fighter", "insurgent", "rebel", "terrorist", "gunman", "attacker", "assailant",
        "separatist", "jihadist", "extremist", "suspect", "victim", "casualty", "hostage",
        "prisoner", "detainee", "inmate", "captive", "survivor", "crew", "sailor", "pilot",
        "farmer", "miner", "fisherman", "tourist", "visitor", "delegate", "freshman",
    }
)  # fmt: skip

#: Synonym groups: heads in one group are compatible; the key names the group (its "head class").
HEAD_SYNONYMS: dict[str, frozenset[str]] = {
    "soldier": frozenset({"soldier", "member", "troop", "personnel", "guard", "guardsman",
                          "serviceman", "servicemember", "trooper", "marine"}),
    "police": frozenset({"police", "policeman", "officer", "cop"}),
    "people": frozenset({"people", "person", "civilian", "individual", "resident", "villager",
                         "citizen"}),
    "refugee": frozenset({"refugee", "migrant", "immigrant", "asylum-seeker", "evacuee"}),
    "child": frozenset({"child", "kid", "boy", "girl", "minor", "baby", "infant"}),
    "militant": frozenset({"militant", "fighter", "insurgent", "rebel", "terrorist", "gunman",
                           "attacker", "assailant", "separatist", "jihadist", "extremist"}),
    "protester": frozenset({"protester", "protestor", "demonstrator"}),
    "prisoner": frozenset({"prisoner", "detainee", "inmate", "captive", "hostage"}),
    "organization": frozenset({"organization", "organisation", "group", "outfit", "faction"}),
    "border": frozenset({"border", "frontier", "boundary"}),
}  # fmt: skip

#: Words that end a counted noun phrase (before them): prepositions, conjunctions, relatives,
#: auxiliaries and common verbs, pronouns, determiners, adverbs and time words.
PHRASE_STOP_WORDS: frozenset[str] = frozenset(
    {
        # prepositions ("of" is handled separately)
        "in", "on", "at", "from", "to", "for", "with", "by", "into", "onto", "over", "under",
        "across", "along", "near", "since", "during", "after", "before", "against", "between",
        "among", "amid", "amidst", "through", "throughout", "toward", "towards", "via", "per",
        "inside", "outside", "within", "without", "around", "about", "like", "than", "as", "off",
        "upon", "beyond", "despite", "behind", "above", "below", "including", "until", "till",
        # conjunctions and relatives ("and"/"or" are handled separately)
        "and", "or", "but", "nor", "who", "whom", "whose", "which", "that", "where", "when",
        "while", "if", "because", "so", "though", "although", "whether",
        # auxiliaries and common verbs
        "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do",
        "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "say", "says", "said", "tell", "told", "die", "dies", "remain", "remains", "stay", "live",
        "get", "got", "go", "went", "come", "came", "took", "take", "make", "made", "fled", "flee",
        # pronouns and determiners
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
        "your", "them", "him", "us", "this", "these", "those", "the", "a", "an", "each", "every",
        "all", "both", "some", "any", "no", "another", "such",
        # adverbs and time words
        "also", "still", "already", "now", "then", "there", "here", "not", "only", "just", "even",
        "ago", "earlier", "later", "today", "yesterday", "tomorrow", "tonight", "last", "next",
        "apiece", "total", "overall", "altogether", "respectively", "too", "very", "nearly",
        "almost", "reportedly", "allegedly", "ever", "again", "less", "most",
    }
    | WEEKDAYS
    | (MONTH_NAMES - {"may"})
)  # fmt: skip

NOUNS_ED_ING = frozenset(
    {"hundred", "building", "buildings", "meeting", "meetings", "bombing", "bombings", "shooting",
     "shootings", "killing", "killings", "wedding", "weddings", "evening", "morning", "thing",
     "things", "king", "kings", "ring", "rings", "wing", "wings", "string", "spring", "offering",
     "funding", "housing", "training", "uprising", "uprisings", "crossing", "crossings",
     "landing", "opening", "warning", "warnings", "hearing", "hearings", "ceiling", "feeling",
     "rating", "ratings", "beijing", "bed", "beds", "shed", "creed", "breed", "seed", "seeds",
     "need", "needs", "deed", "deeds", "speed", "red", "sled", "feed", "greed", "weed", "reed",
     "hatred", "kindred", "sacred", "naked", "wicked", "rugged"}
)  # fmt: skip

IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "people",
              "police": "police", "personnel": "personnel", "staff": "staff", "feet": "foot",
              "lives": "life", "wives": "wife", "teeth": "tooth", "mice": "mouse", "crew": "crew",
              "series": "series", "species": "species", "news": "news", "corps": "corps",
              "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "data": "data"}  # fmt: skip

IRREGULAR_PARTICIPLES = frozenset(
    {"paid", "held", "sent", "left", "made", "built", "spent", "lost", "won", "given", "taken",
     "seen", "known", "found", "told", "kept", "brought", "bought", "caught", "taught", "fought",
     "sold", "led", "fled", "met", "heard", "felt", "meant", "born", "drawn", "shown", "grown",
     "thrown", "done", "gone", "become", "begun", "written", "driven", "chosen", "stolen",
     "hidden", "broken", "spoken", "beaten", "risen", "fallen", "slain", "hurt", "dead"}
)  # fmt: skip

# Lower-case words that end a counted phrase only when written lower-case ("two blocks north"
# stops, "27 North Korean soldiers" does not).
LOWER_CASE_STOPS = frozenset({"north", "south", "east", "west", "away", "apart", "ahead", "back",
                          "long", "old", "wide", "high", "deep", "tall", "more"})  # fmt: skip

# Hyphen-glued words that make an idiom rather than a counted noun: "one-way", "two-sided" ...
GLUED_IDIOMS = frozenset({"way", "ways", "sided", "time", "timer", "off", "on", "shot", "liner",
                           "fold", "stop", "handed", "dimensional", "party", "state", "first",
                           "second", "third", "fourth", "fifth", "thirds", "quarter"})  # fmt: skip


# --- quotations (analysis.measures.quotes) ----------------------------------------
QUOTE_STOP_WORDS = wordset("""
a an the of to in on at for and or but this that these those with by from its his her their our is are
was were be as it
""")

CLAUSE_REJECT = wordset("""
while when in on at during after before through to of for with by as from about into over under than
because since until whether if so then also again today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday last this next earlier later recently repeatedly publicly privately
here there not no nothing more less shortly instead afterward afterwards responsibility and or but nor
including according following regarding concerning considering excluding pending citing adding noting
saying speaking referring pointing
itself himself herself themselves myself ourselves yourself yourselves
""")


# --- keyness evaluation (benchmarks/keyness_prior.py, tests/test_keyness.py) ----------------------------
#: English closed-class words (articles and determiners, pronouns, prepositions, conjunctions, auxiliaries
#: and modals, negation, a few particles), after the word-class lists of Biber et al. (1999, *Longman
#: Grammar of Spoken and Written English*, ch. 2). Used only to MEASURE how many function words a keyness
#: ranking puts on top; the Fightin' Words prior, not this list, keeps them off (Monroe et al. 2008, §3.5).
FUNCTION_WORDS: frozenset[str] = wordset(
    """
a an the this that these those some any each every either neither no all both half such what which
whose whatever whichever another other others
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves one who whom whoever someone somebody
something anyone anybody anything everyone everybody everything nobody none nothing
about above across after against along amid among around as at before behind below beneath beside
besides between beyond by despite down during except for from in inside into like near of off on onto
out outside over past per since than through throughout till to toward towards under underneath unlike
until up upon via with within without
and but or nor so yet because although though while whereas if unless whether whilst once
be am is are was were been being have has had having do does did doing will would shall should can
could may might must ought
not n't never also too very just only even still already then there here where when why how
's 're 've 'd 'll 'm
"""
)


# --- number roles (analysis.measures.numbers.roles) ----------------------------------------------------
#: What a count of people is in an event frame, by cue-word prefix found in the number's clause; checked
#: in this order (a "serious condition" clause usually also says "hospital"). Frame names after the
#: casualty categories of incident reporting (killed / injured / seriously injured / missing).
PERSON_FRAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("in serious condition", ("serious condition", "critical condition", "seriously", "critically",
                              "intensive care", "life-threatening")),
    ("killed", ("kill", "dead", "die", "died", "dying", "death", "fatal", "lost their lives")),
    ("injured", ("injur", "wound", "hurt", "hospital", "treated for")),
    ("missing", ("missing", "unaccounted")),
    ("evacuated", ("evacuat",)),
    ("arrested", ("arrest", "detain")),
    ("rescued", ("rescu",)),
)  # fmt: skip
#: What a sum of money is for, by cue-word prefix in the number's clause (checked in this order).
MONEY_PURPOSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("repairs", ("repair", "rebuild", "reconstruct", "restor")),
    ("damage", ("damage", "losses")),
    ("compensation", ("compensat",)),
    ("aid", ("aid", "assistance", "relief", "donat")),
    ("investment", ("invest",)),
    ("fine", ("fine", "penalt")),
    ("ransom", ("ransom",)),
)  # fmt: skip
#: Counted heads too general to say who is counted ("12 people", "6,000 people a day"; not "civilians").
GENERIC_COUNT_HEADS: frozenset[str] = frozenset({"", "people", "person", "them", "those", "thing"})
# --- attribution sources (analysis.measures.quotes.unmarked) --------------
#: Words that cannot stand inside a noun phrase taken as a source ("Some 22 percent said"): verbs,
#: subordinators, prepositions that start a new phrase, pronouns of other roles.
SOURCE_REJECT = wordset("""
is are was were be been being has have had will would could should can may might must do does did not
that which who whom whose when where while if because although though but and or so as than to for with
by from on in at into about after before since until unless whereas whether there here it this these
those what why how also still just
""")
# --- actor grouping (analysis.text.names.aliases) ------------------------------------------------

#: Generational suffixes of person names: names with different suffixes are different people
#: (Donald Trump / Donald Trump Jr.).
GENERATIONAL_SUFFIXES = wordset("jr sr ii iii iv v")
#: Compass and qualifier words that tell places apart: names that differ in them never merge
#: (North Korea / South Korea, West Virginia / Virginia).
DIRECTION_WORDS = wordset("""
north south east west northern southern eastern western northeast northwest southeast southwest
upper lower new old
""")
#: Last words that make a name a place, not a country (analysis.text.names.gazetteer.actor_type).
PLACE_WORDS = wordset("""
province county city town village district state region street avenue square river lake mountain
mountains valley island islands border strait sea ocean peninsula lawn
""")
#: Nouns that a name can modify as the head of a subject ("the Clinton campaign said", "Bergen County
#: land records indicate", "the New Hampshire primary threatens"): organisations and their parts,
#: documents and data, events, people by wealth or origin (besides role, group and person nouns,
#: which count too); the subject is then the whole
#: phrase, not the name (analysis.measures.speakers.phrases).
#: Events named after a place (*the Paris attacks*, *the Ohio primary*): even a country or a capital
#: that modifies one is no government speaking (analysis.measures.speakers.mentions).
EVENT_NOUNS = wordset("""
primary caucus debate election convention rally attack attacks bombing shooting terrorism scandal
massacre summit
""")
MODIFIED_HEAD_NOUNS = EVENT_NOUNS | wordset("""
campaign camp team staff office committee panel board council side faction circle ally allies
delegation player trader investor banker executive group chapter organization association coalition
poll polling survey study report analysis review investigation data record records filing website
newspaper paper network channel outlet ad advertisement video email memo letter statement release
billionaire millionaire mogul tycoon magnate native veteran
""")
#: Plural nouns for people who speak for the country or organisation after "of" ("Leaders of
#: Pakistan and Iran agreed": Pakistan and Iran speak; "supporters of X" do not speak for X).
REPRESENTATIVE_NOUNS = wordset("""
leaders officials representatives ministers spokesmen spokespeople envoys diplomats negotiators
delegations delegates governments heads authorities
""")
#: Reporting verbs that open an inverted frame with a capital ("Said Dahl, ..."; "Added Berg:"),
#: which the name finder would otherwise take for a first name.
INVERTED_FRAME_VERBS = wordset("""
said says added adds asked asks wrote writes continued explained noted replied recalled declared
tweeted insisted concluded argued warned
""")
#: Plural nouns for people (besides GROUP_NOUNS) that a nationality word turns into a mention of
#: its country: "Pakistani troops" (analysis.text.names.gazetteer.demonym_pattern).
PEOPLE_NOUNS = wordset("forces troops refugees nationals negotiators envoys ministers")

"""Word lists for quotation attribution, written by hand for news English.

Speech cues (verbs and their inflections), the words that may sit between a speaker and a cue,
titles, role nouns that name a person by what they do, vague sources that can never be
resolved to a name, and first names for the gender of a pronoun. Kept as plain sets: a lookup
is a hash probe, and every list can be read and extended by a person.
"""

from __future__ import annotations

# Speech and report verbs: (base, third person, past, participle, -ing). Irregulars written out.
_VERBS = """
say says said said saying
tell tells told told telling
add adds added added adding
note notes noted noted noting
state states stated stated stating
stress stresses stressed stressed stressing
emphasise emphasises emphasised emphasised emphasising
emphasize emphasizes emphasized emphasized emphasizing
warn warns warned warned warning
explain explains explained explained explaining
ask asks asked asked asking
insist insists insisted insisted insisting
write writes wrote written writing
tweet tweets tweeted tweeted tweeting
claim claims claimed claimed claiming
argue argues argued argued arguing
suggest suggests suggested suggested suggesting
report reports reported reported reporting
announce announces announced announced announcing
declare declares declared declared declaring
acknowledge acknowledges acknowledged acknowledged acknowledging
admit admits admitted admitted admitting
agree agrees agreed agreed agreeing
continue continues continued continued continuing
respond responds responded responded responding
reply replies replied replied replying
recall recalls recalled recalled recalling
observe observes observed observed observing
remark remarks remarked remarked remarking
comment comments commented commented commenting
predict predicts predicted predicted predicting
promise promises promised promised promising
pledge pledges pledged pledged pledging
vow vows vowed vowed vowing
confirm confirms confirmed confirmed confirming
deny denies denied denied denying
contend contends contended contended contending
assert asserts asserted asserted asserting
allege alleges alleged alleged alleging
complain complains complained complained complaining
concede concedes conceded conceded conceding
testify testifies testified testified testifying
reveal reveals revealed revealed revealing
disclose discloses disclosed disclosed disclosing
mention mentions mentioned mentioned mentioning
charge charges charged charged charging
counter counters countered countered countering
caution cautions cautioned cautioned cautioning
urge urges urged urged urging
joke jokes joked joked joking
quip quips quipped quipped quipping
boast boasts boasted boasted boasting
brag brags bragged bragged bragging
lament laments lamented lamented lamenting
conclude concludes concluded concluded concluding
reiterate reiterates reiterated reiterated reiterating
repeat repeats repeated repeated repeating
underline underlines underlined underlined underlining
underscore underscores underscored underscored underscoring
assure assures assured assured assuring
retort retorts retorted retorted retorting
shout shouts shouted shouted shouting
yell yells yelled yelled yelling
chant chants chanted chanted chanting
exclaim exclaims exclaimed exclaimed exclaiming
whisper whispers whispered whispered whispering
recount recounts recounted recounted recounting
post posts posted posted posting
blog blogs blogged blogged blogging
affirm affirms affirmed affirmed affirming
accuse accuses accused accused accusing
demand demands demanded demanded demanding
propose proposes proposed proposed proposing
predict predicts predicted predicted predicting
speculate speculates speculated speculated speculating
hint hints hinted hinted hinting
indicate indicates indicated indicated indicating
conclude concludes concluded concluded concluding
caution cautions cautioned cautioned cautioning
reason reasons reasoned reasoned reasoning
summarize summarizes summarized summarized summarizing
summarise summarises summarised summarised summarising
describe describes described described describing
encourage encourages encouraged encouraged encouraging
read reads read read read
threaten threatens threatened threatened threatening
call calls called called calling
criticize criticizes criticized criticized criticizing
criticise criticises criticised criticised criticising
blast blasts blasted blasted blasting
slam slams slammed slammed slamming
dismiss dismisses dismissed dismissed dismissing
praise praises praised praised praising
condemn condemns condemned condemned condemning
denounce denounces denounced denounced denouncing
mock mocks mocked mocked mocking
label labels labeled labeled labeling
brand brands branded branded branding
cite cites cited cited citing
hail hails hailed hailed hailing
tout touts touted touted touting
decry decries decried decried decrying
liken likens likened likened likening
characterize characterizes characterized characterized characterizing
characterise characterises characterised characterised characterising
dub dubs dubbed dubbed dubbing
deride derides derided derided deriding
ridicule ridicules ridiculed ridiculed ridiculing
rule rule ruled ruled ruled
"""

CUE_FORMS: dict[str, str] = {}
for _line in _VERBS.strip().splitlines():
    _forms = _line.split()
    for _f in _forms:
        CUE_FORMS.setdefault(_f, _forms[0])
del CUE_FORMS["rule"]  # only "ruled": "a rule that …", "the rules that …" are nouns

# Cues that need a clause or a quote after them to count (``called`` alone is not speech;
# ``described`` introduces a description, ``asked`` may be a passive).
WEAK_CUES = frozenset(
    "call describe mention charge post report accuse demand propose continue counter repeat "
    "state maintain reason reveal indicate signal read".split()
)
# Forms that are also nouns ("Fifth Amendment claims", "battleground states"): they count as
# cues only with a clear speaker (a name or a pronoun) and never with a comma right after.
NOUN_LIKE = frozenset(
    "claims reports notes comments states charges promises pledges vows remarks answers "
    "replies statements tweets posts counters concerns warnings".split()
)
# Verbs whose first object is the hearer: ``told reporters that``.
HEARER_CUES = frozenset("tell ask warn assure urge remind inform caution encourage".split())

# Cue phrases with a particle: point out, spell out, ...
PARTICLE_CUES = {
    "point": "out",
    "spell": "out",
    "lay": "out",
    "weigh": "in",
    "chime": "in",
    "put": "it",  # "as the memo put it"
}
for _v, _forms_text in (
    ("put", "put puts putting"),
    ("point", "point points pointed pointing"),
    ("spell", "spell spells spelled spelt spelling"),
    ("weigh", "weigh weighs weighed weighing"),
    ("chime", "chime chimes chimed chiming"),
):
    for _f in _forms_text.split():
        CUE_FORMS.setdefault(_f, _v)

# Words allowed between a speaker and the cue: auxiliaries, negation, adverbs.
BETWEEN = frozenset(
    """has have had is was were are be been 's ’s would will could can may might must shall
    should did does do also later then previously once again further repeatedly recently
    reportedly publicly privately earlier often never just even only still already first
    finally subsequently frequently long since now today yesterday tonight initially
    originally simply flatly bluntly angrily quickly separately similarly likewise too
    not n't never""".split()
)

AUX = frozenset("has have had is was were are be been being would will could can may might".split())

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "i": "1",
    "we": "1",
    "who": "r",
    "which": "r",
}

DETERMINERS = frozenset(
    """the a an his her its their this that these those another one two three several some
    many most other both each every all our your my few such""".split()
)

# Titles that precede a name; stripped from the speaker's canonical name.
TITLES = frozenset(
    """mr mrs ms miss mx dr sir dame lord lady sen senator rep representative gov governor
    president vice prime minister secretary gen general lt col colonel sgt capt captain maj
    major adm admiral cmdr prof professor rev reverend judge justice mayor chairman chairwoman
    chair chancellor ambassador deputy foreign state interior defense defence finance
    foreign spokesman spokeswoman spokesperson chief executive director leader king queen
    prince princess pope sheikh emir premier commissioner attorney former acting assistant
    first lady speaker house senate congressman congresswoman councilman councilwoman
    sheriff officer detective coach pastor bishop cardinal father sister brother dr. mr.
    mrs. ms. sen. rep. gov. gen. lt. col. sgt. capt. maj. adm. prof. rev. hon. hon st.
    candidate nominee democrat republican democratic gop u.s. us uk u.k. del manager striker
    midfielder goalkeeper defender player economist analyst strategist lawyer founder ceo cfo
    author actor actress singer""".split()
)

# Nouns naming a person by role: heads of descriptions that can be resolved to a name.
PERSON_ROLES = frozenset(
    """diplomat minister president senator governor official spokesman spokeswoman
    spokesperson ambassador envoy secretary chairman chairwoman chair leader chief executive
    director candidate nominee lawmaker congressman congresswoman representative mayor
    premier chancellor king queen prince general commander officer lawyer attorney
    prosecutor judge justice adviser advisor aide strategist pollster analyst economist
    professor researcher scientist expert doctor physician author writer reporter journalist
    columnist editor host anchor founder ceo executive manager owner investor businessman
    businesswoman billionaire actor actress singer star player coach activist organizer
    campaigner veteran democrat republican politician statesman deputy head chief
    commissioner sheriff detective inspector investigator negotiator mediator
    rapper comedian pastor bishop cleric imam rabbi priest father mother wife husband son
    daughter brother sister woman man""".split()
)
ORG_ROLES = frozenset(
    """ministry kremlin government administration department agency office embassy
    company firm bank group campaign committee commission council party union court
    military army police organization organisation association foundation institute
    university newspaper paper magazine network station channel website service board
    authority authorities regulator white house""".split()
)
# Roles that imply others: the seed's "vice foreign minister" is also "the diplomat".
ROLE_IMPLIES = {
    "diplomat": ("minister", "ambassador", "envoy", "diplomat", "consul"),
    "official": ("minister", "secretary", "official", "spokesman", "spokeswoman", "director"),
    "lawmaker": ("senator", "sen", "rep", "representative", "congressman", "congresswoman"),
    "senator": ("sen", "senator"),
    "congressman": ("rep", "representative", "congressman"),
    "governor": ("gov", "governor"),
    "candidate": ("candidate", "nominee"),
    "nominee": ("nominee", "candidate"),
    "leader": ("leader", "president", "premier", "chairman", "king"),
    "executive": ("executive", "ceo", "chief"),
    "ceo": ("ceo", "executive", "chief"),
    "spokesman": ("spokesman", "spokesperson"),
    "spokeswoman": ("spokeswoman", "spokesperson"),
}

# Sources the reader can never name: "a source", "officials", "analysts".
VAGUE_HEADS = frozenset(
    """source sources officials people experts analysts critics observers aides
    insiders residents witnesses voters supporters opponents democrats republicans
    members others some many most several few reports report polls poll survey
    surveys studies study data statement documents records""".split()
)

FEMALE_WORDS = frozenset(
    """she her hers herself mrs ms miss madam dame lady queen princess spokeswoman
    chairwoman congresswoman councilwoman businesswoman actress wife mother daughter
    sister woman girl""".split()
)
MALE_WORDS = frozenset(
    """he him his himself mr sir lord king prince spokesman chairman congressman councilman
    businessman actor husband father son brother man boy""".split()
)
# Common first names, by hand: enough to tell "he" from "she" for most news speakers.
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
    ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise
    amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori hillary hilary chelsea melania ivanka kellyanne nikki sarah
    elena angela theresa marine nicola christine ursula jacinda julia kamala nancy
    condoleezza madeleine michele huma donna debbie tulsi jill gennifer alicia ava malkia
    megan sonya pamela jacklyn carla krystal esther azucena karen stephanie ruth oprah
    beyonce taylor serena tanya olga natalia svetlana irina tatiana yulia anastasia
    valentina maria fatima aisha sofia ana carmen lucia isabel""".split()
)
MALE_NAMES = (
    frozenset(
        """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis barack bill mike mitch
    ted marco chris newt rudy reince rand jeb bernie harry nancy tim joe hillary vladimir
    sergei sergey dmitry dmitri alexei alexey ivan mikhail nikolai boris igor yuri viktor
    kim xi shinzo emmanuel angela justin narendra recep benjamin bashar ali mohammed muhammad
    ahmed hassan hussein omar abdullah pat jeh eric lindsey mitt paul newt karl steve
    rex jim jeff tom dick rick ben sam dan joel ken greg matt nick pete ron ed len leon""".split()
    )
    - FEMALE_NAMES
)

# Non-speaker labels that look like "Name:" at the start of a paragraph.
NOT_SPEAKER_LABELS = frozenset(
    """update note editor editors photo photos source sources correction related watch read
    video videos caption credit image images advertisement ad the a an and but or see also
    more click share follow subscribe tags topics filed posted published updated by
    contact email phone tel fax www http https copyright warning disclaimer abstract
    summary background analysis opinion comment commentary review live breaking exclusive
    q a question answer poll""".split()
)

# Words that never start a name although capitalised at the start of a sentence.
NON_NAME_CAPS = frozenset(
    """the a an and but or so yet if when while as at in on of for to by with from after
    before since during under over about this that these those there here it its he she
    they we i you his her their our my your who what where why how which also however
    meanwhile still now then today yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december mr mrs ms dr according asked speaking besides despite
    although though because unlike like among between without within against toward
    towards across behind beyond near earlier later last next first another some many
    most several few no not one two three in is are was were has have had be will would can
    could even just only still also already again never""".split()
)

# Nouns that report speech with a that-clause (``her acknowledgment that …``), and those that
# take ``to`` (``an agreement to …``). Fact-like nouns (``the fact that``, ``the idea that``)
# are not speech and stay out.
SPEECH_NOUNS = frozenset(
    """claim claims assertion assertions acknowledgment acknowledgement admission argument
    arguments contention allegation allegations assurance assurances announcement
    insistence prediction predictions warning warnings report reports suggestion emphasis
    agreement promise promises pledge pledges vow vows""".split()
)
TO_NOUNS = frozenset("agreement promise promises pledge pledges vow vows".split())
# Verbs of judging that report speech only around a quoted phrase (``criticized the law as a
# "crazy system"``): without a quotation close after them they are not cues.
# A court's or an official's decision is reported speech only as a that-clause ("ruled on
# Friday that …"); "ruled the country" and "ruled out" are not.
THAT_CUES = frozenset(("rule",))
EVAL_CUES = frozenset(
    """criticize criticise blast slam dismiss praise condemn denounce mock label brand cite
    hail tout decry liken characterize characterise dub deride ridicule describe call""".split()
)

"""Hand-written cue words for the entity recogniser: titles and roles, organisation and place
heads, name particles, well-known organisations. Small sets, built at import (a few ms).

The big lists (places, demonyms, given names, English words) live in ``newscli/data`` and are
loaded lazily by :mod:`newscli.gazetteer`.
"""

from __future__ import annotations

from typing import Final


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Titles and role words that may stand before a person's name (lower-cased). A chunk that starts
# with them has them stripped and kept as the person's role.
TITLES: Final = _words(
    """president vice-president vice deputy prime minister premier chancellor secretary
    general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt.
    commander cmdr admiral adm sergeant sgt corporal private marshal brigadier
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady
    sen sen. senator rep rep. representative congressman congresswoman gov gov. governor
    mayor king queen prince princess crown emperor empress sheikh sheik emir sultan shah
    pope cardinal archbishop bishop rev rev. reverend father sister brother rabbi imam ayatollah
    ambassador envoy consul diplomat spokesman spokeswoman spokesperson
    chairman chairwoman chair chief executive ceo director manager coach
    judge justice attorney prosecutor chief inspector superintendent detective officer
    commissioner sheriff treasurer comptroller administrator
    foreign defence defense interior finance economy trade justice health education
    agriculture energy industry transport labour labor culture environment
    first acting former late senior top deputy assistant associate
    leader opposition party speaker
    striker midfielder defender goalkeeper forward winger captain skipper batsman bowler
    all-rounder opener seamer spinner champion veteran
    match-winner goalscorer goal-scorer scorer playmaker keeper full-back centre-back
    center-back wing-back substitute
    mp mep
    nominee candidate hopeful contender challenger incumbent frontrunner front-runner
    presidential vice-presidential gubernatorial congressional campaign running mate""".replace(
        "\n", " "
    )
)
# Of these, the ones that can be the head of a role phrase (the rest are modifiers).
ROLE_HEADS: Final = _words(
    """president vice-president premier chancellor minister secretary general lieutenant
    colonel major captain commander admiral sergeant corporal marshal brigadier senator
    representative congressman congresswoman governor mayor king queen prince princess emperor
    empress sheikh sheik emir sultan shah pope cardinal archbishop bishop reverend rabbi imam
    ayatollah ambassador envoy consul diplomat spokesman spokeswoman spokesperson chairman
    chairwoman chair ceo director manager coach judge justice attorney prosecutor inspector
    superintendent detective officer commissioner sheriff treasurer comptroller administrator
    leader speaker striker midfielder defender goalkeeper
    forward winger skipper batsman bowler all-rounder opener champion mp mep professor
    match-winner goalscorer goal-scorer scorer playmaker keeper full-back centre-back
    center-back wing-back substitute
    official analyst economist spokesman lawyer executive premier
    nominee candidate hopeful contender challenger frontrunner front-runner mate adviser advisor
    aide strategist pollster host anchor correspondent columnist lawmaker""".replace("\n", " ")
)
# Honorifics that make the next capitalised words a person whatever they are.
HONORIFICS: Final = _words("mr mr. mrs mrs. ms ms. dr dr. sir dame mister madame monsieur herr")

# Role classes the quote attribution uses to resolve "the diplomat", "the minister", ...
ROLE_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    "president": ("leader", "official", "politician"),
    "vice-president": ("official", "politician"),
    "prime minister": ("leader", "minister", "official", "politician"),
    "premier": ("leader", "official", "politician"),
    "chancellor": ("leader", "official", "politician"),
    "leader": ("leader", "politician"),
    "king": ("leader", "monarch"),
    "queen": ("leader", "monarch"),
    "emperor": ("leader", "monarch"),
    "emir": ("leader", "monarch"),
    "sultan": ("leader", "monarch"),
    "prince": ("royal",),
    "princess": ("royal",),
    "foreign minister": ("minister", "diplomat", "official", "politician"),
    "vice foreign minister": ("minister", "diplomat", "official"),
    "deputy foreign minister": ("minister", "diplomat", "official"),
    "foreign secretary": ("minister", "diplomat", "official", "politician"),
    "secretary of state": ("minister", "diplomat", "official", "politician"),
    "minister of foreign affairs": ("minister", "diplomat", "official", "politician"),
    "foreign affairs minister": ("minister", "diplomat", "official", "politician"),
    "foreign ministry spokesman": ("spokesperson", "diplomat", "official"),
    "foreign ministry spokeswoman": ("spokesperson", "diplomat", "official"),
    "first vice foreign minister": ("minister", "diplomat", "official"),
    "deputy prime minister": ("minister", "official", "politician"),
    "defence minister": ("minister", "official", "politician"),
    "defense minister": ("minister", "official", "politician"),
    "defense secretary": ("minister", "official", "politician"),
    "finance minister": ("minister", "official", "politician"),
    "interior minister": ("minister", "official", "politician"),
    "chief executive officer": ("executive",),
    "ambassador to": ("diplomat", "official"),
    "minister": ("minister", "official", "politician"),
    "secretary": ("official",),
    "secretary-general": ("official", "diplomat"),
    "ambassador": ("diplomat", "official"),
    "envoy": ("diplomat", "official"),
    "consul": ("diplomat", "official"),
    "diplomat": ("diplomat", "official"),
    "spokesman": ("spokesperson", "official"),
    "spokeswoman": ("spokesperson", "official"),
    "spokesperson": ("spokesperson", "official"),
    "senator": ("politician", "lawmaker"),
    "representative": ("politician", "lawmaker"),
    "congressman": ("politician", "lawmaker"),
    "congresswoman": ("politician", "lawmaker"),
    "mp": ("politician", "lawmaker"),
    "mep": ("politician", "lawmaker"),
    "speaker": ("politician", "lawmaker"),
    "governor": ("official", "politician"),
    "mayor": ("official", "politician"),
    "general": ("military", "officer"),
    "colonel": ("military", "officer"),
    "major": ("military", "officer"),
    "captain": ("officer",),
    "commander": ("military", "officer"),
    "admiral": ("military", "officer"),
    "lieutenant": ("military", "officer"),
    "sergeant": ("military",),
    "marshal": ("military", "officer"),
    "chairman": ("executive", "official"),
    "chairwoman": ("executive", "official"),
    "chief executive": ("executive",),
    "ceo": ("executive",),
    "director": ("executive", "official"),
    "manager": ("executive",),
    "coach": ("sport",),
    "judge": ("judge", "official"),
    "justice": ("judge", "official"),
    "prosecutor": ("lawyer", "official"),
    "attorney": ("lawyer",),
    "lawyer": ("lawyer",),
    "pope": ("cleric", "leader"),
    "cardinal": ("cleric",),
    "archbishop": ("cleric",),
    "bishop": ("cleric",),
    "rabbi": ("cleric",),
    "imam": ("cleric",),
    "ayatollah": ("cleric", "leader"),
    "official": ("official",),
    "analyst": ("analyst",),
    "economist": ("analyst",),
    "striker": ("player", "sport"),
    "midfielder": ("player", "sport"),
    "defender": ("player", "sport"),
    "goalkeeper": ("player", "sport"),
    "batsman": ("player", "sport"),
    "bowler": ("player", "sport"),
    "all-rounder": ("player", "sport"),
    "champion": ("player", "sport"),
    "skipper": ("player", "sport"),
    "professor": ("academic",),
    "nominee": ("candidate", "politician"),
    "candidate": ("candidate", "politician"),
    "hopeful": ("candidate", "politician"),
    "contender": ("candidate", "politician"),
    "challenger": ("candidate", "politician"),
    "frontrunner": ("candidate", "politician"),
    "front-runner": ("candidate", "politician"),
    "running mate": ("candidate", "politician"),
    "lawmaker": ("politician", "lawmaker"),
    "adviser": ("adviser",),
    "advisor": ("adviser",),
    "aide": ("adviser", "official"),
    "strategist": ("adviser",),
}

# Words that end an organisation name (``Bank``, ``Party``, ``Inc``).
ORG_SUFFIXES: Final = _words(
    """inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa s.a. nv n.v. gmbh bv ab asa
    oy spa s.p.a. group holdings holding company companies industries enterprises bank bancorp
    bankcorp trust securities capital partners investments fund funds insurance assurance airlines
    airways air motors motor steel petroleum oil energy electric telecom telecommunications
    communications systems technologies technology software pharmaceuticals pharma laboratories
    labs foods brewery breweries mining resources chemicals media broadcasting network networks
    press news times post journal herald tribune telegraph guardian gazette observer chronicle
    daily weekly magazine television tv radio agency ministry department office bureau
    commission committee council board authority administration service services
    association federation union confederation league club society institute institution
    foundation organisation organization university college school academy hospital
    church party movement front army navy forces force police guard brigade corps militia
    court tribunal parliament assembly congress senate duma cabinet government embassy
    consulate mission exchange bourse reserve team united city rovers wanderers athletic
    olympique fc f.c. sc ac cf""".replace("\n", " ")
)
# Words that open an organisation name before "of" (``Ministry of``, ``University of``).
ORG_HEADS: Final = _words(
    """ministry department university bank college institute school academy commission committee
    council board bureau office agency federation association union league party church court
    house chamber order society federal national center centre centers centres""".replace("\n", " ")
)
# Well-known organisations, agencies and companies written by hand (acronyms in capitals).
_KNOWN_ORGS_WORDS = _words(
    """UN U.N. NATO EU E.U. WHO IMF OPEC WTO OSCE ASEAN APEC OECD UNESCO UNICEF UNHCR IAEA UNDP
    Interpol Europol FIFA UEFA IOC ICC ICJ NASA FBI CIA NSA KGB FSB GRU Pentagon Kremlin Congress
    Senate Parliament Duma Knesset Bundestag Bundesrat Bundesbank Fed Reuters AP AFP TASS RIA
    Interfax Xinhua KCNA Yonhap Kyodo BBC CNN ABC CBS NBC Bloomberg Facebook Google Twitter
    Microsoft IBM Intel Apple Amazon.com YouTube Instagram Gazprom Rosneft Aeroflot Boeing Airbus
    Toyota Nissan Honda Sony Samsung Hyundai Volkswagen Siemens Nestle Unilever Shell BP Exxon
    Hamas Hezbollah Fatah PLO IRA ETA PKK Sinn Fein ANC NAACP UNITA OAU AU ECB ECOWAS SADC Mercosur
    NAFTA GATT Comecon Warsaw Pact Nasdaq NYSE Dow Jones Nikkei Ford Chrysler Renault Peugeot Fiat
    Daimler Daimler-Benz BMW Volvo Saab Ericsson Nokia Philips Unilever Microsoft Netscape Compaq
    Motorola Xerox Kodak Nike Adidas Coca-Cola Pepsi PepsiCo McDonald's Walmart Wal-Mart Citibank
    Citicorp Barclays HSBC Lloyds NatWest UBS Moody's Fitch""".replace("\n", " ")
)
KNOWN_ORGS: Final = _KNOWN_ORGS_WORDS | frozenset(
    """Sinn Fein|Warsaw Pact|Dow Jones|Credit Suisse|Deutsche Bank|Standard & Poor's|
    Red Cross|Red Crescent|Amnesty International|Human Rights Watch|Greenpeace|World Bank|
    Al Qaeda|Al-Qaeda|Islamic State|Muslim Brotherhood|Khmer Rouge|Tamil Tigers|
    Associated Press|Agence France-Presse|New York Times|Washington Post|Wall Street Journal|
    Financial Times|Los Angeles Times|Xinhua News Agency|Itar-Tass|Kyodo News|Scotland Yard|
    European Commission|European Parliament|European Central Bank|Federal Reserve|
    Bank of England|Bank of Japan|Security Council|General Assembly|Red Army|Labour Party|
    Conservative Party|Democratic Party|Republican Party|Communist Party""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
KNOWN_ORGS_UPPER: Final = frozenset(o.upper() for o in KNOWN_ORGS)

# Heads of non-political places (LOC) and facilities (FAC).
LOC_SUFFIXES: Final = _words(
    """island islands isle peninsula sea ocean river lake gulf bay strait straits valley desert
    coast mountains mountain mount hills range plain plains basin delta canal channel cape
    archipelago glacier forest region heights sound falls""".replace("\n", " ")
)
FAC_SUFFIXES: Final = _words(
    """airport stadium arena road street avenue square bridge tower palace hall centre center
    park station port harbour harbor prison dam highway motorway boulevard lane circuit racecourse
    ground oval cathedral mosque temple monastery""".replace("\n", " ")
)
EVENT_SUFFIXES: Final = _words(
    """cup championship championships open games olympics olympiad tournament trophy prix war
    revolution festival prize award awards derby marathon series rally classic masters
    grand-prix tour summit crisis day liberation uprising invasion massacre""".replace("\n", " ")
)
LAW_SUFFIXES: Final = _words(
    """act treaty declaration accord accords agreement convention constitution charter protocol
    resolution amendment code pact plan doctrine""".replace("\n", " ")
)
# Capitalised common words that open place and organisation names, never an epithet.
NAME_PREFIX_WORDS: Final = _words(
    """saint san santa st st. fort port mount mt lake cape new old great little north south east
    west upper lower central royal united national federal general grand first bank union"""
)
# Particles inside personal names (``de Gaulle``, ``bin Salman``, ``van der Sar``).
NAME_PARTICLES: Final = _words(
    "de da di del della der den van von bin ibn al el le la du dos das ter ten"
)
# Lower-case words that may join two capitalised parts of one name.
CONNECTORS: Final = NAME_PARTICLES | _words("of for and on the in &")

# Patronymic and family-name endings that mark a person (Slavic, Nordic).
PATRONYMIC_ENDINGS: Final = ("ovich", "evich", "ovna", "evna", "ichna", "yevich", "ovic", "evic")
# Surnames that open East Asian names (``Kim Jong-un``, ``Im Chon Il``, ``Li Peng``).
ASIAN_SURNAMES: Final = _words(
    """Kim Lee Yi Ri Park Pak Choi Choe Jang Chang Im Lim Yun Yoon Kang Cho Jo Han Shin Sin Song
    Hwang Ahn An Oh O Ryu Moon Mun Kwon Jung Jeong Chung Nam Hong Yoo Yu Ko Noh Roh Baek Paek
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng
    Liang Xie Tang Deng Feng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Ye Cheng Wei Su
    Lu Ding Ren Shen Yao Cui Zhong Tan Ng Goh Ong Teo Nguyen Tran Le Pham Hoang Phan Vu Vo Dang
    Bui Do Ho Ngo Duong Ly Qian Qiao Rong Hun""".replace("\n", " ")
)
SPEECH_VERBS: Final = _words(
    """said says say told tells added adds stated states noted notes asked asks according
    announced announces argued argues claimed claims insisted insists warned warns explained
    explains replied replies wrote writes urged urges believes believed thinks thought
    commented comments declared declares stressed stresses admitted admits denied denies
    confirmed confirms reported reports suggested suggests""".replace("\n", " ")
)
MONTHS_DAYS: Final = _words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Mon Tue Wed Thu Fri Sat Sun""".replace("\n", " ")
)
# Words a title leaves in lower case ("War and Peace", "Meet the Press").
MINOR_WORDS: Final = frozenset("a an the of to in on for and or at by with from as vs".split())
# Capitalised words that are never an entity on their own.
NEVER_ALONE: Final = MONTHS_DAYS | _words(
    """I I'm I'll I've I'd A An The This That These Those It He She We They You My Our His Her
    Their Its Mr Mrs Ms Dr Sir Madam OK Okay Yes No God Internet Web Christmas Easter
    Ramadan Prime Minister President Pope GMT EDT EST BST CET UTC GDP GNP CEO CFO PMI IPO CPI
    HIV DNA TV PC AM PM FM BC AD OK AIDS Ebola Zika SARS MERS COVID Covid COVID-19 Covid-19
    H1N1 H5N1 Celsius Fahrenheit Budget HGV HGVs SUV SUVs ATM ATMs EV EVs LGV MRI CCTV
    ICU PPE VAT GPS USB DIY IVF LED PDF""".replace("\n", " ")
)
# Lower-case words before a place name ("in Moscow", "from Pyongyang").
PLACE_PREPOSITIONS: Final = _words(
    "in at from to near into outside across throughout via towards toward"
)
SPORTS_WORDS: Final = _words(
    """soccer football cricket tennis golf baseball basketball rugby athletics cycling boxing
    hockey nfl nba nhl mlb racing formula skiing swimming motor-racing motorcycling sailing
    rowing badminton squash snooker volleyball handball equestrianism horse olympics""".replace(
        "\n", " "
    )
)

# Well-known multi-word names that ALL-CAPS headlines spell with common words (hand-written).
KNOWN_NAMES: Final[dict[str, str]] = {
    "World Cup": "EVENT",
    "Olympic Games": "EVENT",
    "Olympics": "EVENT",
    "Olympic": "EVENT",
    "Grand Prix": "EVENT",
    "Grand Slam": "EVENT",
    "Tour de France": "EVENT",
    "Super Bowl": "EVENT",
    "World Series": "EVENT",
    "Davis Cup": "EVENT",
    "Fed Cup": "EVENT",
    "Ryder Cup": "EVENT",
    "Champions League": "EVENT",
    "Cold War": "EVENT",
    "World War One": "EVENT",
    "World War Two": "EVENT",
    "Second World War": "EVENT",
    "First World War": "EVENT",
    "United Nations": "ORG",
    "European Union": "ORG",
    "Security Council": "ORG",
    "White House": "FAC",
    "Wall Street": "FAC",
}
KNOWN_NAMES_FIRST: Final = frozenset(k.split()[0] for k in KNOWN_NAMES)
# Function words: never a name at a sentence start, even when a name list has them ("In").
FUNCTION_WORDS: Final = _words(
    """a an the in on at by for from with as of to into onto upon about after before during
    while when where if so but and or nor yet since until unless though although because
    this that these those there here it its he she they we you i his her their our your my
    some any no not all each every both either neither many much more most few several such
    what which who whom whose how why also even still just only then than now once
    first second third fourth fifth sixth seventh eighth ninth tenth last next men women"""
)
# Lower-case nouns that make the capitalised word next to them a place ("the Tavildara region",
# "the town of Barentsburg").
PLACE_NOUNS: Final = _words(
    """town towns city cities village villages province provinces region regions district
    districts state states capital port county counties municipality area enclave republic
    island islands valley border suburb suburbs outskirts neighbourhood neighborhood"""
)
# Team sports: a town named in their results is usually the club ("Leicestershire beat Essex").
TEAM_SPORTS: Final = _words(
    """soccer football cricket baseball basketball rugby hockey nfl nba nhl mlb volleyball
    handball pro-soccer"""
)
# Nouns next to a name that make it an organisation ("the daily Zycie", "Tanjug news agency").
ORG_CONTEXT: Final = _words(
    """company firm group bank newspaper daily weekly agency party club side team airline
    carrier maker manufacturer insurer retailer brewer guerrillas militia rebels shares stock
    subsidiary network broadcaster magazine paper conglomerate giant chain operator
    utility producer exporter importer lender news"""
)

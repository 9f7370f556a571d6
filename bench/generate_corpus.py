#!/usr/bin/env python3
"""Writes a synthetic news corpus as JSON Lines for the ingest throughput benchmark.

The articles recombine sentence templates, invented names, places, organisations and
numbers, so the corpus is large and varied without copying anyone's text. About one
article in twelve is a reprint of an earlier wire story with the small edits outlets
make (new headline, a different first line, the last paragraph dropped), so the
near-duplicate path of ingest is exercised too. A few records carry a null `published`
or Spanish text. The output depends only on --seed and --articles.

Python 3 standard library only:
    python3 bench/generate_corpus.py --articles 50000 --seed 7 --out /tmp/corpus.jsonl
"""

import argparse
import datetime
import json
import random
import sys

FIRST_NAMES = """Elena Marcus Priya Tomasz Aisha Daniel Ingrid Kwame Lucia Hiroshi Fatima Oliver
Nadia Samuel Beatriz Viktor Amara Jonah Sofia Rashid Helena Mateo Grace Emeka Lena Tariq
Clara Dmitri Yara Felix Imani Rafael Mirela Owen Zainab Anders Leila Nikhil Rosa Bruno
Esther Kenji Maya Idris Carmen Stefan Noor Julian Ayesha Pavel""".split()

LAST_NAMES = """Ruiz Okafor Lindqvist Haddad Brennan Castillo Moreau Adeyemi Novak Tanaka
Whitfield Osei Kowalski Marsh Delgado Ferreira Ibrahim Larsen Quinlan Petrov Achebe
Vasquez Holloway Sato Mbeki Grant Fischer Rahman Albescu Duarte Keane Nakamura Ostrowski
Bright Calloway Mensah Varga Lozano Abernathy Sørensen Oyelaran Whitcombe Renner Salazar
Hartmann Eze Laurent Bianchi Kimura Doyle""".split()

CITIES = """Harbor City|Northfield|Port Alder|Calder Bay|Ashbourne|Redmere|Stonegate|Velmora
|Lake Corran|Brixley|Eastwick Falls|Marrow Point|Solano Ridge|Kestrel Harbor|Dunmore|Pellham
|Greywater|Saint Aubin|Ortega Springs|Halvard|New Tessaly|Fenwick|Carrow Downs|Elmsford
|Winslow Crossing|Aldermoor""".replace("\n", "").split("|")

REGIONS = """Coastal Province|Upper Valley|Southern Highlands|Delta Region|Northern Reach
|Tessaly District|Western Plains|Iron Hills|Lakeland County|Marrow Peninsula""".replace(
    "\n", "").split("|")

COUNTRIES = """Valdoria|Ostrava Republic|Kesh|Maridia|Norland|Ardenia|Temsa|Calloway Islands
|Brennmark|Sundara""".replace("\n", "").split("|")

COMPANIES = """Alder Freight|Meridian Holdings|Kestrel Energy|Northwind Logistics|Solano Foods
|Greywater Mining|Pellham Pharmaceuticals|Brixley Steel|Aurel Telecom|Stonegate Bank
|Corran Shipping|Velmora Airlines|Halvard Motors|Redmere Chemicals|Tessaly Water Authority
|Ashbourne Insurance""".replace("\n", "").split("|")

UNIONS = """Dockworkers' Guild|United Transit Workers|Nurses' Federation|Teachers' Alliance
|Metalworkers' Union|Harbor Pilots' Association|Public Service Union""".replace(
    "\n", "").split("|")

AGENCIES = """Ministry of Labour|Ministry of Foreign Affairs|Fire and Rescue Service
|Competition Commission|Environmental Protection Office|Health Directorate
|Electoral Commission|Central Bank|Port Authority|Water Resources Board""".replace(
    "\n", "").split("|")

TITLES = """Mayor|Governor|Minister|Deputy Minister|Senator|Chief Executive|spokesperson
|Commissioner|Fire Chief|Police Commissioner|union president|chief negotiator|Judge
|economist|professor|Director""".replace("\n", "").split("|")

OUTLETS = """Harbor City Ledger|Meridian Wire Service|The Northfield Courier|Calder Bay Times
|Valley Sentinel|The Morning Dispatch|Coastal Herald|Redmere Gazette|Continental Press Agency
|The Evening Standard-Post|Stonegate Chronicle|Aldermoor Observer|Pellham Daily
|The Lakeland Record|Eastwick Falls Bulletin|Global Affairs Weekly""".replace(
    "\n", "").split("|")

WIRE_OUTLETS = ["Meridian Wire Service", "Continental Press Agency"]

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = """January February March April May June July August September October November
December""".split()

# Each domain: headline templates, lead templates, body sentence templates, quote
# templates. Slots in braces are filled by Slots below.
DOMAINS = {
    "labor": {
        "headlines": [
            "{union} strike enters day {small} as talks with {company} stall",
            "{city} port workers reject {company} offer of {pct} percent raise",
            "Talks resume in {city} labour dispute after {small}-day pause",
            "{union} and {company} reach tentative deal in {city}",
            "Ships idle off {city} as walkout widens",
        ],
        "leads": [
            "Members of the {union} walked off the job in {city} on {weekday}, halting "
            "work at {num} berths and leaving cargo worth an estimated {money} stranded "
            "on the quays.",
            "Negotiators for the {union} and {company} will meet on {weekday} in {city}, "
            "the first face-to-face talks since the strike began {small} days ago.",
            "The {union} said on {weekday} that its members had voted by {pct} percent "
            "to reject the latest contract offer from {company}.",
        ],
        "body": [
            "The dispute centres on wages, shift lengths and the automation of cranes "
            "at the {city} terminals.",
            "{company} has offered a raise of {pct} percent over three years, while the "
            "union is seeking {pct2} percent.",
            "About {num} workers are covered by the contract, which expired on {date}.",
            "Freight operators said at least {small} container ships were waiting at "
            "anchor outside the harbour.",
            "The {agency} appointed a mediator last week after both sides asked for help.",
            "Picket lines formed before dawn at the main gate, where several hundred "
            "workers gathered with banners and flasks of coffee.",
            "Retailers in the {region} warned that shelves could empty within "
            "{small} days if the stoppage continues.",
            "The last strike at the port, in {year}, lasted {small} days and cost the "
            "regional economy an estimated {money}.",
            "A company statement said contingency plans were in place to move "
            "perishable goods through {city2}.",
            "Union leaders said they would not return to work without guarantees on job "
            "security.",
        ],
    },
    "disaster": {
        "headlines": [
            "Wildfire forces {num} to flee homes near {city}",
            "Evacuation orders widen as {region} fire grows to {num} hectares",
            "Crews gain ground on {city} blaze; {small} homes lost",
            "Dam release dispute flares as fire season strains {region} water",
            "Residents return to {city} after week-long evacuation",
        ],
        "leads": [
            "A fast-moving wildfire in the {region} forced the evacuation of about {num} "
            "residents on {weekday}, officials said.",
            "Firefighters in {city} worked through the night on {weekday} to hold a "
            "containment line as winds of {small} kilometres an hour pushed the fire "
            "east.",
            "Authorities lifted evacuation orders for parts of {city} on {weekday}, "
            "{small} days after flames reached the edge of town.",
        ],
        "body": [
            "The fire had burned {num} hectares by {weekday} evening and was {pct} "
            "percent contained, according to the {agency}.",
            "Shelters at schools in {city2} took in families who had left with little "
            "more than documents and pets.",
            "At least {small} homes and {small2} outbuildings were destroyed, officials "
            "said, though the figure could rise as crews reach burned areas.",
            "Farmers downstream accused the {agency} of releasing too little water from "
            "the reservoir to protect crops.",
            "Air quality warnings were issued for {city2} and much of the {region}.",
            "More than {num} firefighters, including crews from neighbouring provinces, "
            "were assigned to the blaze.",
            "The cause of the fire is under investigation.",
            "Rainfall in the {region} this year has been {pct} percent below the "
            "long-term average, according to meteorologists.",
            "Power was cut to about {num} households as a precaution.",
            "Officials urged residents to sign up for emergency text alerts.",
        ],
    },
    "diplomacy": {
        "headlines": [
            "{country} and {country2} agree to new round of cease-fire talks",
            "Prisoner exchange between {country} and {country2} delayed again",
            "Envoys meet in {city} as pressure mounts for truce",
            "{country} rejects latest proposal, demands guarantees",
            "{small} prisoners freed in first stage of {country} swap",
        ],
        "leads": [
            "Negotiators from {country} and {country2} met in {city} on {weekday} for a "
            "{ordinal} round of talks aimed at securing a cease-fire, officials said.",
            "{country} released {small} prisoners on {weekday} under the first stage of "
            "an exchange agreement brokered by {country3}.",
            "The foreign minister of {country} will travel to {city} on {weekday} to "
            "meet mediators, a ministry spokesperson said.",
        ],
        "body": [
            "The proposal on the table calls for a {small}-week truce, the withdrawal of "
            "forces from border towns and the exchange of detainees.",
            "Mediators from {country3} have shuttled between the delegations for "
            "{small} weeks.",
            "Humanitarian groups said at least {num} civilians had been displaced since "
            "the fighting resumed in {month}.",
            "The health ministry put the death toll at {num}, a figure that could not be "
            "independently verified.",
            "An earlier agreement, announced on {date}, collapsed within days.",
            "Diplomats described the atmosphere in the room as businesslike but tense.",
            "Aid convoys carrying {num} tonnes of food and medicine were waiting at the "
            "crossing.",
            "Both sides accused the other of violating a partial truce overnight.",
            "A senior official involved in the talks said a deal was close but that "
            "several issues remained open.",
            "The next round is expected to take place in {city2} next week.",
        ],
    },
    "business": {
        "headlines": [
            "{company} agrees to buy {company2} for {money}",
            "Regulator opens in-depth probe into {company} deal",
            "{company} shares fall {pct} percent after merger review announced",
            "{company} profits beat forecasts on strong {month} sales",
            "Competition watchdog raises concerns over {company} tie-up",
        ],
        "leads": [
            "{company} said on {weekday} it had agreed to acquire {company2} in a deal "
            "valued at {money}, creating the largest operator in the {region}.",
            "The {agency} opened an in-depth investigation on {weekday} into "
            "{company}'s planned takeover of {company2}.",
            "Shares in {company} fell {pct} percent on {weekday} after the company "
            "disclosed that regulators had requested further documents.",
        ],
        "body": [
            "The combined company would control roughly {pct} percent of the market.",
            "Analysts at {company3} said the deal could save {money} a year in costs.",
            "The regulator has {small} weeks to complete its review.",
            "{company2} employs about {num} people, mostly in {city}.",
            "Consumer groups warned that prices could rise if the merger goes ahead.",
            "The company said it would cooperate fully with the investigation.",
            "Revenue rose {pct} percent to {money} in the quarter ending {month}.",
            "The deal requires approval from shareholders at a meeting on {date}.",
            "Rival firms have filed objections with the {agency}.",
            "Trading in the shares was briefly halted on {weekday} morning.",
        ],
    },
    "civic": {
        "headlines": [
            "{city} council approves {money} budget after late-night session",
            "Court blocks {city} housing plan pending review",
            "{city} voters head to polls in closely watched mayoral race",
            "New transit line for {city} delayed until {year}",
            "Hospital wait times in {region} reach record high",
        ],
        "leads": [
            "The {city} city council voted {small} to {small2} on {weekday} to approve a "
            "budget of {money} for the coming year.",
            "A judge in {city} on {weekday} temporarily halted a plan to build {num} "
            "homes on former industrial land.",
            "Voters in {city} cast ballots on {weekday} in a mayoral election seen as a "
            "test for the governing party.",
        ],
        "body": [
            "Turnout stood at {pct} percent by mid-afternoon, according to the "
            "{agency}.",
            "The budget includes {money} for road repairs and {money2} for schools.",
            "Residents packed the public gallery, and several were escorted out after "
            "interrupting the debate.",
            "The project has been delayed {small} times since it was first announced in "
            "{year}.",
            "Opponents argue the plan ignores flood risks along the river.",
            "The average wait for a routine operation is now {small} weeks.",
            "The council will hold a further hearing on {date}.",
            "Officials said the delay was caused by rising construction costs.",
            "The city has added about {num} residents over the past decade.",
            "A spokesperson for the mayor's office declined to comment on the ruling.",
        ],
    },
}

# Background that fits any story; mixed into every domain's body pool.
GENERIC = [
    "The {agency} said it was monitoring the situation closely.",
    "Opposition politicians called for an independent inquiry into the handling of the "
    "crisis.",
    "The issue has dominated local radio phone-ins for {small} days running.",
    "Local businesses reported a drop in trade of as much as {pct} percent.",
    "A poll published on {weekday} found that {pct} percent of residents in the {region} "
    "were worried about the outcome.",
    "Officials in {city2} said they were preparing for knock-on effects.",
    "The government is due to publish a report on the matter by {date}.",
    "Critics say warnings raised as early as {year} were ignored.",
    "Community groups organised food collections at {small} sites across {city}.",
    "The story was first reported by the {outlet}.",
    "Insurance claims linked to the events have already passed {money}, industry "
    "figures show.",
    "Schools in parts of {city} stayed closed on {weekday}.",
    "The prime minister is expected to address parliament on the issue next week.",
    "An emergency meeting of the regional assembly was called for {weekday}.",
    "Traffic on the main coastal road was diverted for {small} hours.",
    "Volunteers from {city2} arrived with supplies on {weekday} afternoon.",
    "A petition demanding action had gathered {num} signatures by {weekday}.",
    "Economists estimate the cost to the regional economy at {money} a week.",
    "The {org} said it had received more than {num} calls from the public.",
    "Observers noted that the same dispute had surfaced in {city2} in {year}.",
    "Officials declined to give a timeline for a resolution.",
    "The figures could not be independently confirmed.",
    "Church halls and sports centres were opened as rest centres.",
    "Talks between the parties are expected to continue through the weekend.",
]

# Ways reporters attribute a plain statement; each wraps a body sentence.
ATTRIBUTIONS = [
    "{core}",
    "{core}",
    "{core_stem}, officials said.",
    "{core_stem}, according to the {org}.",
    "{person}, {title} of the {org}, said that {core_lower}",
    "{core_stem}, {title} {person} told the {outlet}.",
    "According to figures released on {weekday}, {core_lower}",
    "{core_stem}, a spokesperson for the {org} said.",
]

QUOTES = [
    "“We are not going to accept a deal that leaves our members worse off,” said {person}, "
    "{title} of the {org}.",
    "\"This is a difficult moment, but we remain committed to finding a solution,\" "
    "{title} {person} told reporters in {city}.",
    "“The situation on the ground is changing hour by hour,” {person} said.",
    "{title} {person} said the talks had been “constructive” but warned that "
    "“significant gaps” remained.",
    "\"We need answers, not more promises,\" said {person}, a resident of {city}.",
    "According to a spokesperson for the {org}, “all options remain on the table.”",
    "“I have never seen anything like it in {small} years,” said {person}, who has lived "
    "in {city} since {year}.",
    "{person}, {title} at the {org}, said in a statement: \"We will review the "
    "decision carefully before deciding on next steps.\"",
    "“Our priority is the safety of every resident,” {title} {person} said on {weekday}.",
    "\"Nobody wins from a prolonged standoff,\" said {person}, a {title} who has "
    "studied the {region} for years.",
]

CLOSERS = [
    "Further talks are scheduled for {weekday}.",
    "The {org} did not respond to a request for comment.",
    "{outlet} will update this story as more information becomes available.",
    "Reporting by {person}; editing by {person2}.",
    "Officials are expected to give an update on {weekday} morning.",
]

SPANISH = [
    "Los trabajadores del puerto de {city} iniciaron el {weekday_es} una huelga "
    "indefinida tras el fracaso de las negociaciones con {company}.",
    "Según el sindicato, unos {num} empleados participan en el paro, que ha dejado "
    "varados decenas de buques frente a la costa.",
    "«No vamos a aceptar una oferta que empeore nuestras condiciones», dijo {person}, "
    "portavoz de los trabajadores.",
    "La empresa afirmó en un comunicado que mantiene su propuesta de un aumento salarial "
    "del {pct} por ciento a lo largo de tres años.",
    "El Ministerio de Trabajo nombró la semana pasada a un mediador para acercar a las "
    "partes.",
    "Los comerciantes de la región advierten que podría haber desabastecimiento si el "
    "conflicto se prolonga más de {small} días.",
]
WEEKDAYS_ES = "lunes martes miércoles jueves viernes sábado domingo".split()


class Slots(dict):
    """Fills template slots on demand, so each template draws only what it uses."""

    def __init__(self, rng, published):
        super().__init__()
        self.rng = rng
        self.published = published

    def __missing__(self, key):
        value = self._draw(key.rstrip("0123456789"))
        self[key] = value
        return value

    def _draw(self, kind):
        r = self.rng
        if kind in ("person",):
            return f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"
        if kind == "title":
            return r.choice(TITLES)
        if kind == "city":
            return r.choice(CITIES)
        if kind == "region":
            return r.choice(REGIONS)
        if kind == "country":
            return r.choice(COUNTRIES)
        if kind == "company":
            return r.choice(COMPANIES)
        if kind == "union":
            return r.choice(UNIONS)
        if kind == "agency":
            return r.choice(AGENCIES)
        if kind == "org":
            return r.choice(UNIONS + AGENCIES + COMPANIES)
        if kind == "outlet":
            return r.choice(OUTLETS)
        if kind == "weekday":
            return r.choice(WEEKDAYS)
        if kind == "weekday_es":
            return r.choice(WEEKDAYS_ES)
        if kind == "month":
            return r.choice(MONTHS)
        if kind == "year":
            return str(r.randint(1998, 2023))
        if kind == "small":
            return str(r.randint(2, 19))
        if kind == "num":
            return f"{r.randint(120, 48000):,}"
        if kind == "pct":
            return str(r.randint(2, 85))
        if kind == "money":
            unit = r.choice(["million", "billion"])
            return f"{r.randint(2, 900)} {unit} crowns"
        if kind == "ordinal":
            return r.choice(["second", "third", "fourth", "fifth", "new"])
        if kind == "date":
            day = self.published or datetime.date(2024, 6, 1)
            shifted = day - datetime.timedelta(days=r.randint(1, 60))
            return f"{MONTHS[shifted.month - 1]} {shifted.day}"
        raise KeyError(kind)


def fill(template, slots):
    return template.format_map(slots)


def attributed(rng, sentence, slots):
    """The sentence as a reporter might attribute it, one of several ways."""
    wrapper = rng.choice(ATTRIBUTIONS)
    if wrapper == "{core}":
        return sentence
    slots["core"] = sentence
    slots["core_stem"] = sentence.rstrip(".")
    slots["core_lower"] = sentence[0].lower() + sentence[1:]
    return fill(wrapper, slots)


class Pool:
    """Draws templates without replacement, reshuffling once all have been used."""

    def __init__(self, rng, templates):
        self.rng = rng
        self.templates = list(templates)
        self.queue = []

    def next(self):
        if not self.queue:
            self.queue = self.templates[:]
            self.rng.shuffle(self.queue)
        return self.queue.pop()


def english_article(rng, published, outlet):
    domain = DOMAINS[rng.choice(sorted(DOMAINS))]
    slots = Slots(rng, published)
    title = fill(rng.choice(domain["headlines"]), slots)
    paragraphs = [fill(rng.choice(domain["leads"]), slots)]
    body = Pool(rng, domain["body"] + GENERIC)
    quotes = Pool(rng, QUOTES)
    target_words = rng.randint(300, 680)
    words = len(paragraphs[0].split())
    while words < target_words:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            # A fresh draw for some slots keeps long articles from repeating one name.
            if rng.random() < 0.4:
                for key in ("person", "city2", "num", "small", "pct", "org", "title"):
                    slots.pop(key, None)
            if rng.random() < 0.2:
                sentences.append(fill(quotes.next(), slots))
            else:
                sentences.append(attributed(rng, fill(body.next(), slots), slots))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    slots["outlet"] = outlet
    paragraphs.append(fill(rng.choice(CLOSERS), slots))
    return title, paragraphs


def spanish_article(rng, published):
    slots = Slots(rng, published)
    paragraphs = [fill(t, slots) for t in SPANISH]
    rng.shuffle(paragraphs[1:])
    title = fill("Huelga en el puerto de {city}: {num} trabajadores en paro", slots)
    return title, paragraphs


def reprint(rng, original, outlet, published):
    """A wire story as another outlet runs it: new headline, dateline, trimmed end."""
    paragraphs = original["text"].split("\n")
    city = rng.choice(CITIES)
    paragraphs[0] = f"{city.upper()} ({original['source']}) — {paragraphs[0]}"
    if len(paragraphs) > 3 and rng.random() < 0.7:
        paragraphs = paragraphs[:-1]
    if rng.random() < 0.5:
        paragraphs[1] = paragraphs[1].replace(" said", " told reporters", 1)
    title = original["title"]
    if rng.random() < 0.6:
        title = rng.choice(["UPDATE: ", "", "Report: "]) + title.split(" as ")[0]
    return title, paragraphs


def generate(count, seed, out):
    rng = random.Random(seed)
    start = datetime.date(2024, 3, 1)
    wire_stories = []
    for index in range(count):
        day = start + datetime.timedelta(days=index * 180 // max(count, 1))
        outlet = rng.choice(OUTLETS)
        roll = rng.random()
        is_reprint = roll < 0.08 and bool(wire_stories)
        if is_reprint:
            original = rng.choice(wire_stories[-200:])
            title, paragraphs = reprint(rng, original, outlet, day)
        elif roll < 0.09:
            title, paragraphs = spanish_article(rng, day)
        else:
            title, paragraphs = english_article(rng, day, outlet)
        published = None if rng.random() < 0.02 else day.isoformat()
        if published and rng.random() < 0.3:
            published += f"T{rng.randint(5, 22):02d}:{rng.randint(0, 59):02d}:00Z"
        article_id = f"syn-{index:06d}"
        slug = "-".join("".join(c for c in w if c.isalnum()) for w in title.lower().split()[:6])
        record = {
            "id": article_id,
            "source": outlet,
            "published": published,
            "url": f"https://news.example/{outlet.lower().replace(' ', '-')}/{slug}-{index}",
            "title": title,
            "text": "\n".join(paragraphs),
        }
        if outlet in WIRE_OUTLETS and not is_reprint:
            wire_stories.append(record)
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="-", help="output path, - for stdout")
    args = parser.parse_args()
    if args.out == "-":
        generate(args.articles, args.seed, sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8") as out:
            generate(args.articles, args.seed, out)


if __name__ == "__main__":
    main()

# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A labelled population for measuring the duplicate finder.

About 3,000 person records, made from a fixed seed, each labelled with the
real person it stands for. Some people are recorded twice, as a student
system and event registrations record them: with a new e-mail address, the
name written without æøå, a typo, a new surname after marriage, a middle
name added, or no birth date. Many people who are not the same share what
families share: parents and children on one landline and family e-mail,
spouses on one family phone and address, twins with one surname, birth date
and phone, and namesakes (the same name, another birth date), among them a
son named after his father.

Pure Python: :func:`generate` returns plain values for ``res.partner``
and the label of each record.
"""

import datetime
import random

FEMALE_NAMES = (
    "Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne "
    "Randi Ida Nina Ragnhild Elisabeth Kristin Bente Heidi Silje Hanne Gerd Tone Linda "
    "Åse Torill Tove Grete Wenche Ellen Camilla Mona Sigrid Ingeborg Turid Kirsten Julie "
    "Ørnhild Sølvi Kjærsti Aslaug Mette Synnøve Nora Emma Sofie Thea Maja Ingvild Guro "
    "Eli Frøydis Mari Vigdis Unni Karoline Malin Tuva Emilie Hedda Live Marte Oda Ragna"
).split()
MALE_NAMES = (
    "Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje "
    "Odd Erik Martin Andreas John Anders Rune Trond Tore Jon Harald Gunnar Olav Øyvind "
    "Øystein Håkon Pål Ståle Sigurd Kåre Jørgen Ivar Stian Espen Magnus Henrik Jonas "
    "Mathias Sander Emil Tobias Even Vegard Ørjan Eirik Håvard Sindre Bård Sverre Aksel "
    "Halvor Torbjørn Kristoffer Fredrik Mads Petter Leif Steinar Asbjørn Ragnar Njål"
).split()
SURNAMES = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen "
    "Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl "
    "Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen Strand "
    "Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie "
    "Amundsen Rasmussen Lunde Solheim Berntsen Nygård Bakke Kristensen Moe Fredriksen "
    "Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre "
    "Haugland Thomassen Sivertsen Simonsen Danielsen Berge Sandvik Rønning Arnesen "
    "Antonsen Næss Vik Haug Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen "
    "Ruud Aasen Strøm Myklebust Tangen Ødegård Hovland Rød Bøe Løken Bråten Håland "
    "Nærø Sætre Brænden Grønli Kvåle Lyngstad Fløtten Bjørnstad Sørli Ålien Tørresdal"
).split()
STREETS = "Storgata Kirkegata Skolegata Bakkevegen Furuvegen Åsvegen Bjørkelia Gamlevegen".split()
TOWNS = (
    ("3800", "Bø i Telemark"),
    ("3918", "Porsgrunn"),
    ("3616", "Kongsberg"),
    ("3045", "Drammen"),
    ("3179", "Horten"),
    ("3931", "Porsgrunn"),
    ("3750", "Drangedal"),
    ("3684", "Notodden"),
)
# Norwegian mobile number ranges (the 8-digit numbers starting with these).
MOBILE_PREFIXES = "90 91 92 93 94 95 97 98 99 40 41 46 47 48".split()
MAIL_DOMAINS = ("online.no", "gmail.com", "hotmail.com", "outlook.com", "live.no", "icloud.com")
KEYBOARD_NEIGHBOURS = {
    "a": "sq",
    "e": "wr",
    "i": "uo",
    "n": "bm",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "l": "k",
    "o": "ip",
}
ASCII_SPELLINGS = {"ø": ("o", "oe"), "å": ("a", "aa"), "æ": ("ae",)}
# The share of people recorded twice, by way they differ.
DUPLICATE_KINDS = (
    ("new_email", 0.05),
    ("without_aeoa", 0.04),
    ("typo", 0.04),
    ("married", 0.03),
    ("middle_name", 0.03),
    ("no_birth_date", 0.03),
)


class Population:
    """Person records with the label of the person each one stands for."""

    def __init__(self, seed):
        self.random = random.Random(seed)
        self.records = []  # [(label, values)]
        self.labels = 0
        self.used_phones = set()
        self.student_numbers = iter(range(100001, 999999, 7))

    # ------------------------------------------------------------------
    # Values
    # ------------------------------------------------------------------

    def _phone(self, landline=False):
        while True:
            if landline:
                number = f"+4735{self.random.randrange(100000, 999999)}"
            else:
                prefix = self.random.choice(MOBILE_PREFIXES)
                number = f"+47{prefix}{self.random.randrange(100000, 999999)}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def _email(self, name, unique=True):
        local = ".".join(
            name.lower().replace("ø", "o").replace("å", "a").replace("æ", "ae").split()
        )
        suffix = self.random.randrange(1, 999) if unique else ""
        return f"{local}{suffix}@{self.random.choice(MAIL_DOMAINS)}"

    def _birth_date(self, start=1955, end=2006):
        first = datetime.date(start, 1, 1).toordinal()
        last = datetime.date(end, 12, 31).toordinal()
        return datetime.date.fromordinal(self.random.randint(first, last))

    def _first_name(self, female=None):
        if female is None:
            female = self.random.random() < 0.5
        return self.random.choice(FEMALE_NAMES if female else MALE_NAMES)

    def _address(self):
        zip_code, city = self.random.choice(TOWNS)
        return {
            "street": f"{self.random.choice(STREETS)} {self.random.randint(1, 120)}",
            "zip": zip_code,
            "city": city,
        }

    def _person(self, first, surname, birth_date, **values):
        values = {"name": f"{first} {surname}", "birth_date": birth_date, **values}
        if "email" not in values:
            values["email"] = self._email(values["name"])
        if "phone" not in values:
            values["phone"] = self._phone()
        if "student_number" not in values and self.random.random() < 0.6:
            values["student_number"] = str(next(self.student_numbers))
        return values

    def _add(self, values, label=None):
        if label is None:
            self.labels += 1
            label = self.labels
        self.records.append((label, values))
        return label

    # ------------------------------------------------------------------
    # People
    # ------------------------------------------------------------------

    def add_single(self):
        female = self.random.random() < 0.5
        values = self._person(
            self._first_name(female), self.random.choice(SURNAMES), self._birth_date()
        )
        values.update(self._address())
        return self._add(values), values, female

    def add_household(self):
        """Two parents and their children on one landline, address and
        (for some) family e-mail; sometimes twins, sometimes a son named
        after his father."""
        surname = self.random.choice(SURNAMES)
        landline = self._phone(landline=True)
        family_email = f"familien.{surname.lower()}@{self.random.choice(MAIL_DOMAINS)}"
        address = self._address()
        mother_surname = surname if self.random.random() < 0.6 else self.random.choice(SURNAMES)
        mother_born = self._birth_date(1955, 1975)
        father_born = mother_born - datetime.timedelta(days=self.random.randint(-2000, 2000))
        father_first = self._first_name(female=False)
        family = [
            self._person(
                self._first_name(female=True),
                mother_surname,
                mother_born,
                phone=landline,
                email=family_email if self.random.random() < 0.5 else None,
                **address,
            ),
            self._person(
                father_first,
                surname,
                father_born,
                phone=landline if self.random.random() < 0.7 else None,
                email=family_email if self.random.random() < 0.4 else None,
                **address,
            ),
        ]
        first_born = mother_born.replace(year=mother_born.year + self.random.randint(24, 34))
        children = self.random.randint(1, 3)
        twins = self.random.random() < 0.25
        junior = self.random.random() < 0.1
        used = {family[0]["name"].split()[0], father_first}
        for index in range(children + twins):
            if twins and index == 1:
                born = first_born
            else:
                born = first_born + datetime.timedelta(days=index * self.random.randint(400, 1500))
            if junior and index == 0:
                first = father_first
            else:
                first = self._first_name()
                while first in used:
                    first = self._first_name()
            used.add(first)
            family.append(
                self._person(
                    first,
                    surname,
                    born,
                    phone=landline if self.random.random() < 0.6 else None,
                    email=family_email if self.random.random() < 0.3 else None,
                    **address,
                )
            )
        labels = []
        for values in family:
            if values["phone"] is None:
                values["phone"] = self._phone()
            if values["email"] is None:
                values["email"] = self._email(values["name"])
            labels.append(self._add(values))
        return labels

    def add_namesakes(self):
        """Two people with the same name and another birth date."""
        first, surname = self._first_name(), self.random.choice(SURNAMES)
        for _index in range(2):
            self._add(self._person(first, surname, self._birth_date(), **self._address()))

    # ------------------------------------------------------------------
    # The same person again
    # ------------------------------------------------------------------

    def add_duplicate(self, label, values, female, kind):
        """A second record of the same person, as event registrations or a
        second import make it: usually without a student number."""
        first, *middle, surname = values["name"].split()
        second = {
            "name": values["name"],
            "birth_date": values["birth_date"],
            "email": values["email"],
            "phone": values["phone"] if self.random.random() < 0.5 else False,
        }
        if self.random.random() < 0.15 and not values.get("student_number"):
            second["student_number"] = str(next(self.student_numbers))
        if kind == "new_email":
            second["email"] = self._email(values["name"])
            second["phone"] = values["phone"] if self.random.random() < 0.5 else self._phone()
        elif kind == "without_aeoa":
            second["name"] = (
                "".join(
                    self.random.choice(ASCII_SPELLINGS.get(char, (char,)))
                    for char in values["name"]
                )
                .replace("Ø", "O")
                .replace("Å", "A")
                .replace("Æ", "Ae")
            )
            if self.random.random() < 0.3:
                second["birth_date"] = False
        elif kind == "typo":
            words = values["name"].split()
            index = self.random.randrange(len(words))
            words[index] = self._typo(words[index])
            second["name"] = " ".join(words)
            if self.random.random() < 0.5:
                second["email"] = self._email(values["name"])
                second["phone"] = values["phone"]
        elif kind == "married":
            new_surname = self.random.choice(SURNAMES)
            if self.random.random() < 0.3:
                second["name"] = " ".join([first, *middle, surname, new_surname])
            else:
                second["name"] = " ".join([first, *middle, new_surname])
            # The mobile number stays; the e-mail often changes with the name.
            second["phone"] = values["phone"]
            if self.random.random() < 0.6:
                second["email"] = self._email(second["name"])
        elif kind == "middle_name":
            second["name"] = " ".join([first, self._first_name(female), *middle, surname])
            if self.random.random() < 0.4:
                second["email"] = self._email(second["name"])
                second["phone"] = values["phone"]
        elif kind == "no_birth_date":
            # An event registration: name and e-mail or phone, nothing else.
            second["birth_date"] = False
            if self.random.random() < 0.4:
                second["email"] = False
                second["phone"] = values["phone"]
        self._add(second, label)

    def _typo(self, word):
        letters = list(word)
        position = self.random.randrange(1, len(letters))
        match self.random.choice(("swap", "drop", "double", "neighbour")):
            case "swap" if position < len(letters) - 1:
                letters[position], letters[position + 1] = letters[position + 1], letters[position]
            case "drop" if len(letters) > 4:
                del letters[position]
            case "neighbour" if letters[position] in KEYBOARD_NEIGHBOURS:
                letters[position] = self.random.choice(KEYBOARD_NEIGHBOURS[letters[position]])
            case _:
                letters.insert(position, letters[position])
        return "".join(letters)


def generate(seed=2026, size=3000):
    """``(labels, values)``: the label (the real person) and the
    ``res.partner`` values of about ``size`` records."""
    population = Population(seed)
    singles = []
    while len(population.records) < size * 0.45:
        singles.append(population.add_single())
    while len(population.records) < size * 0.72:
        population.add_household()
    for _index in range(int(size * 0.03)):
        population.add_namesakes()
    aeoa = [single for single in singles if set(single[1]["name"].lower()) & set("æøå")]
    others = [single for single in singles if single not in aeoa]
    population.random.shuffle(aeoa)
    population.random.shuffle(others)
    for kind, share in DUPLICATE_KINDS:
        pool = aeoa if kind == "without_aeoa" else others
        for _index in range(int(size * share)):
            label, values, female = pool.pop()
            population.add_duplicate(label, values, female, kind)
    records = population.records
    population.random.shuffle(records)
    for _label, values in records:
        for key in [key for key, value in values.items() if value in (None, False)]:
            del values[key]
    return [label for label, _values in records], [values for _label, values in records]


def true_pairs(ids, labels):
    """The pairs of record ids (lower id first) that stand for one person."""
    by_label = {}
    for record_id, label in zip(ids, labels, strict=True):
        by_label.setdefault(label, []).append(record_id)
    return {
        (min(a, b), max(a, b))
        for group in by_label.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
    }

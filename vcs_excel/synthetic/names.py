"""Name, street and place data for synthetic people.

Weights are rough relative frequencies for England and Wales, enough to give a
realistic spread (many Smiths, few Okonkwos). Every person made from these is
fictional: phone numbers come from Ofcom's ranges reserved for drama, NHS
numbers from the 999 range the NHS keeps for testing, and e-mail addresses from
the domains reserved for examples.
"""

from __future__ import annotations

# (name, sex, weight, nicknames)
FIRST_NAMES: list[tuple[str, str, float, tuple[str, ...]]] = [
    ("Margaret", "F", 3.0, ("Maggie", "Peggy", "Meg")),
    ("Elizabeth", "F", 3.0, ("Liz", "Beth", "Betty")),
    ("Mary", "F", 3.0, ()),
    ("Patricia", "F", 2.5, ("Pat", "Trish")),
    ("Jean", "F", 2.0, ()),
    ("Susan", "F", 2.5, ("Sue",)),
    ("Barbara", "F", 1.5, ("Babs",)),
    ("Dorothy", "F", 1.5, ("Dot", "Dolly")),
    ("Catherine", "F", 2.0, ("Kate", "Cathy")),
    ("Christine", "F", 2.0, ("Chris",)),
    ("Janet", "F", 1.8, ()),
    ("Joan", "F", 1.5, ()),
    ("Valerie", "F", 1.2, ("Val",)),
    ("Sandra", "F", 1.5, ("Sandy",)),
    ("Helen", "F", 2.0, ()),
    ("Julie", "F", 1.8, ()),
    ("Deborah", "F", 1.5, ("Debbie", "Debs")),
    ("Rebecca", "F", 1.8, ("Becky",)),
    ("Victoria", "F", 1.5, ("Vicky",)),
    ("Samantha", "F", 1.5, ("Sam",)),
    ("Joanne", "F", 1.5, ("Jo",)),
    ("Nicola", "F", 1.5, ("Nicky",)),
    ("Amanda", "F", 1.5, ("Mandy",)),
    ("Sarah", "F", 2.5, ()),
    ("Emma", "F", 2.2, ()),
    ("Claire", "F", 1.8, ()),
    ("Rachel", "F", 1.6, ()),
    ("Lisa", "F", 1.5, ()),
    ("Michelle", "F", 1.5, ("Shell",)),
    ("Jennifer", "F", 1.5, ("Jenny", "Jen")),
    ("Sophie", "F", 1.5, ()),
    ("Chloe", "F", 1.3, ()),
    ("Jessica", "F", 1.3, ("Jess",)),
    ("Olivia", "F", 1.3, ("Liv",)),
    ("Amelia", "F", 1.2, ("Millie",)),
    ("Grace", "F", 1.0, ()),
    ("Emily", "F", 1.3, ()),
    ("Fatima", "F", 0.8, ()),
    ("Aisha", "F", 0.6, ()),
    ("Ayesha", "F", 0.4, ()),
    ("Priya", "F", 0.4, ()),
    ("Sunita", "F", 0.3, ()),
    ("Parveen", "F", 0.3, ()),
    ("Nasreen", "F", 0.3, ()),
    ("Shabana", "F", 0.3, ()),
    ("Amina", "F", 0.4, ()),
    ("Zainab", "F", 0.3, ()),
    ("Precious", "F", 0.2, ()),
    ("Blessing", "F", 0.2, ()),
    ("Ngozi", "F", 0.15, ()),
    ("Chiamaka", "F", 0.1, ("Chi",)),
    ("Agnieszka", "F", 0.2, ("Aga",)),
    ("Katarzyna", "F", 0.2, ("Kasia",)),
    ("Anna", "F", 0.8, ()),
    ("Siobhan", "F", 0.3, ()),
    ("Bronwen", "F", 0.2, ()),
    ("John", "M", 3.0, ("Jack", "Johnny")),
    ("William", "M", 2.5, ("Bill", "Will", "Billy")),
    ("James", "M", 2.5, ("Jim", "Jimmy", "Jamie")),
    ("Robert", "M", 2.5, ("Bob", "Rob", "Bobby")),
    ("Michael", "M", 2.5, ("Mike", "Mick")),
    ("David", "M", 3.0, ("Dave",)),
    ("Richard", "M", 2.0, ("Rich", "Dick")),
    ("Thomas", "M", 2.0, ("Tom", "Tommy")),
    ("Charles", "M", 1.5, ("Charlie",)),
    ("Anthony", "M", 1.5, ("Tony",)),
    ("Christopher", "M", 2.0, ("Chris",)),
    ("Daniel", "M", 1.8, ("Dan", "Danny")),
    ("Matthew", "M", 1.6, ("Matt",)),
    ("Andrew", "M", 1.8, ("Andy", "Drew")),
    ("Joseph", "M", 1.4, ("Joe",)),
    ("Edward", "M", 1.3, ("Ed", "Eddie", "Ted")),
    ("Peter", "M", 2.0, ("Pete",)),
    ("Stephen", "M", 1.8, ("Steve",)),
    ("Kenneth", "M", 1.2, ("Ken",)),
    ("Ronald", "M", 1.0, ("Ron", "Ronnie")),
    ("Raymond", "M", 1.0, ("Ray",)),
    ("Frederick", "M", 0.8, ("Fred", "Freddie")),
    ("Albert", "M", 0.6, ("Bert", "Albie")),
    ("Harold", "M", 0.8, ("Harry",)),
    ("Patrick", "M", 0.8, ("Paddy", "Pat")),
    ("Terence", "M", 0.7, ("Terry",)),
    ("Leonard", "M", 0.6, ("Len", "Lenny")),
    ("Geoffrey", "M", 0.6, ("Geoff",)),
    ("Brian", "M", 1.5, ()),
    ("Gary", "M", 1.3, ()),
    ("Paul", "M", 2.0, ()),
    ("Mark", "M", 1.8, ()),
    ("Kevin", "M", 1.3, ("Kev",)),
    ("Ian", "M", 1.3, ()),
    ("Alan", "M", 1.3, ()),
    ("Keith", "M", 1.0, ()),
    ("Colin", "M", 0.9, ()),
    ("Mohammed", "M", 1.2, ("Mo",)),
    ("Muhammad", "M", 0.8, ()),
    ("Ahmed", "M", 0.5, ()),
    ("Imran", "M", 0.4, ()),
    ("Tariq", "M", 0.3, ()),
    ("Sanjay", "M", 0.3, ()),
    ("Rajesh", "M", 0.3, ("Raj",)),
    ("Arjun", "M", 0.2, ()),
    ("Emmanuel", "M", 0.3, ("Manny",)),
    ("Chinedu", "M", 0.1, ()),
    ("Oluwaseun", "M", 0.1, ("Seun",)),
    ("Kwame", "M", 0.1, ()),
    ("Tomasz", "M", 0.2, ("Tomek",)),
    ("Piotr", "M", 0.2, ()),
    ("Sean", "M", 0.6, ()),
    ("Connor", "M", 0.5, ()),
    ("Oliver", "M", 1.2, ("Ollie",)),
    ("George", "M", 1.2, ()),
    ("Noah", "M", 0.8, ()),
    ("Leo", "M", 0.6, ()),
    ("Oscar", "M", 0.6, ()),
]

SURNAMES: list[tuple[str, float]] = [
    ("Smith", 10.0), ("Jones", 7.5), ("Williams", 5.5), ("Taylor", 5.0), ("Brown", 5.0),
    ("Davies", 4.5), ("Evans", 3.5), ("Wilson", 3.3), ("Thomas", 3.2), ("Johnson", 3.1),
    ("Roberts", 3.0), ("Robinson", 2.8), ("Thompson", 2.8), ("Wright", 2.7), ("Walker", 2.6),
    ("White", 2.5), ("Edwards", 2.4), ("Hughes", 2.4), ("Green", 2.3), ("Hall", 2.3),
    ("Lewis", 2.2), ("Harris", 2.2), ("Clarke", 2.2), ("Patel", 2.4), ("Jackson", 2.1),
    ("Wood", 2.0), ("Turner", 1.9), ("Martin", 1.9), ("Cooper", 1.8), ("Hill", 1.8),
    ("Ward", 1.8), ("Morris", 1.7), ("Moore", 1.7), ("Clark", 1.7), ("Lee", 1.6),
    ("King", 1.6), ("Baker", 1.6), ("Harrison", 1.6), ("Morgan", 1.5), ("Allen", 1.5),
    ("James", 1.5), ("Scott", 1.4), ("Phillips", 1.4), ("Watson", 1.4), ("Davis", 1.4),
    ("Parker", 1.4), ("Price", 1.3), ("Bennett", 1.3), ("Young", 1.3), ("Griffiths", 1.3),
    ("Mitchell", 1.3), ("Kelly", 1.3), ("Cook", 1.3), ("Carter", 1.2), ("Richardson", 1.2),
    ("Bailey", 1.2), ("Collins", 1.2), ("Bell", 1.2), ("Shaw", 1.2), ("Murphy", 1.2),
    ("Miller", 1.1), ("Cox", 1.1), ("Richards", 1.1), ("Khan", 1.4), ("Ali", 1.0),
    ("Ahmed", 0.9), ("Hussain", 0.9), ("Begum", 0.9), ("Singh", 1.0), ("Kaur", 0.8),
    ("Sharma", 0.4), ("Shah", 0.5), ("Akhtar", 0.4), ("Iqbal", 0.4), ("Rahman", 0.4),
    ("Mahmood", 0.3), ("Okafor", 0.1), ("Okonkwo", 0.05), ("Adeyemi", 0.08), ("Mensah", 0.08),
    ("Owusu", 0.08), ("Nowak", 0.1), ("Kowalski", 0.08), ("Wisniewski", 0.05),
    ("O'Brien", 0.3), ("O'Connor", 0.3), ("McDonald", 0.4), ("MacLeod", 0.2), ("Nguyen", 0.1),
    ("Chen", 0.15), ("Wong", 0.15), ("Da Silva", 0.1), ("Ferreira", 0.08), ("Hassan", 0.2),
    ("Mohamed", 0.3), ("Abdi", 0.1), ("Yilmaz", 0.05), ("Fitzgerald", 0.2), ("Ashworth", 0.1),
    ("Holroyd", 0.05), ("Sutcliffe", 0.08), ("Greenwood", 0.3), ("Smith-Jones", 0.02),
]  # fmt: skip

# The surnames above are the common ones of a diverse English city. Most people have a
# surname outside any such list: in England and Wales the 100 most common surnames are
# held by under a quarter of people. The rest are drawn from a long tail.
COMMON_SURNAME_SHARE = 0.25
TAIL_SURNAMES = (300, 20_300)  # ranks in the census list


def surname_tail() -> tuple[list[str], list[float]]:
    """The long tail of surnames and their weights: the US 1990 census surname list
    (``vcs_excel/data/census1990``), less the common surnames above. Its first 300 are
    left out too, as the common surnames of another country (Garcia, Nguyen)."""
    from ..data import CENSUS_NAMES

    common = {name.upper().replace("'", "").replace(" ", "") for name, _ in SURNAMES}
    start, stop = TAIL_SURNAMES
    tail, weights = [], []
    with open(CENSUS_NAMES["last"], encoding="ascii") as lines:
        for rank, line in enumerate(lines):
            if rank >= stop:
                break
            name, share, *_ = line.split()
            if rank >= start and name not in common:
                tail.append(name.capitalize())
                weights.append(max(float(share), 0.0005))  # shares are given to 0.001
    return tail, weights


STREET_NAMES = [
    "Mill Lane", "Church Road", "Victoria Street", "Station Road", "Park Avenue", "Grange Road",
    "Queens Road", "Moor View", "Beech Grove", "Chapel Street", "Oak Tree Drive", "Elm Close",
    "Woodland Rise", "Springfield Terrace", "Harehills Lane", "Cardigan Road", "Mafeking Mount",
    "Hyde Park Road", "Ashville Grove", "Brudenell Street", "Cross Flatts Avenue", "Tempest Road",
    "Lupton Avenue", "Rosebank Road", "Kirkstall Lane", "Canal Wharf", "Meadow View",
    "Fairfield Crescent", "Highfield Court", "St Mark's Road", "Bankside Street", "Ebor Place",
]  # fmt: skip

# Enough distinct streets for a big population: the curated names first, then
# common street-name parts combined.
_STREET_PARTS = [
    "Mill",
    "Church",
    "Station",
    "Park",
    "Grange",
    "Queens",
    "Victoria",
    "Beech",
    "Oak",
    "Elm",
    "Ash",
    "Chapel",
    "Moor",
    "Spring",
    "Wood",
    "High",
    "Kings",
    "Manor",
    "Hall",
    "Green",
    "Cross",
    "Bridge",
    "Meadow",
    "Orchard",
    "Castle",
    "Abbey",
    "Hill",
    "Brook",
    "Cedar",
    "Holly",
    "Rose",
    "Willow",
    "Albert",
    "Cavendish",
    "Clarendon",
    "Hyde",
    "Kirk",
    "Spen",
    "Otley",
    "Wetherby",
]
_STREET_KINDS = [
    "Road",
    "Lane",
    "Street",
    "Avenue",
    "Grove",
    "Close",
    "Drive",
    "Terrace",
    "Crescent",
    "Way",
    "Mount",
    "View",
    "Place",
    "Rise",
    "Walk",
    "Gardens",
    "Court",
    "Row",
]
STREET_NAMES = list(dict.fromkeys(
    STREET_NAMES + [f"{p} {k}" for k in _STREET_KINDS for p in _STREET_PARTS]
))  # fmt: skip

TOWN = "Leeds"
LOCALITIES = {
    "LS4": "Kirkstall", "LS6": "Headingley", "LS7": "Chapeltown", "LS8": "Harehills",
    "LS9": "Burmantofts", "LS11": "Beeston", "LS12": "Armley", "LS13": "Bramley",
    "LS14": "Seacroft", "LS15": "Crossgates",
}  # fmt: skip

TITLES_F = ("Mrs", "Ms", "Miss")
TITLES_M = ("Mr",)

ETHNICITIES = [
    ("White: English, Welsh, Scottish, Northern Irish or British", 70.0),
    ("White: Irish", 1.0),
    ("White: Other White", 6.0),
    ("Asian or Asian British: Pakistani", 5.0),
    ("Asian or Asian British: Indian", 3.0),
    ("Asian or Asian British: Bangladeshi", 1.0),
    ("Asian or Asian British: Chinese", 1.0),
    ("Black, Black British, Caribbean or African: African", 4.0),
    ("Black, Black British, Caribbean or African: Caribbean", 1.5),
    ("Mixed or Multiple ethnic groups: White and Black Caribbean", 1.5),
    ("Other ethnic group: Arab", 0.8),
    ("Other ethnic group: Any other ethnic group", 1.2),
]

LANGUAGES = [
    ("English", 85.0), ("Polish", 2.5), ("Urdu", 2.5), ("Punjabi", 1.5), ("Bengali", 1.0),
    ("Arabic", 1.2), ("Somali", 0.8), ("Romanian", 1.0), ("Kurdish", 0.6), ("Tigrinya", 0.4),
    ("British Sign Language", 0.3), ("Cantonese", 0.5),
]  # fmt: skip

DIETARY = ["", "", "", "", "Halal", "Vegetarian", "Diabetic", "Gluten free", "Nut allergy",
           "Vegan", "Kosher", "Soft foods"]  # fmt: skip

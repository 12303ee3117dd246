"""String building and parsing: write records as text lines, then parse and summarise them."""


def build_records(count):
    cities = ["Oslo", "Lima", "Kyiv", "Pune", "Bern", "Doha", "Rome", "Baku"]
    lines = []
    for i in range(count):
        city = cities[i * 7 % len(cities)]
        amount = (i * 7919) % 100000 / 100
        tag = "id-" + str(i).zfill(6)
        lines.append(f"{tag};{city.upper()};{amount:.2f};{'yes' if i % 3 == 0 else 'no'}")
    return "\n".join(lines)


def parse_records(text):
    totals = {}
    flagged = 0
    longest = ""
    for line in text.splitlines():
        fields = line.split(";")
        tag, city, amount, flag = fields[0], fields[1].title(), float(fields[2]), fields[3]
        number = int(tag[3:])
        totals[city] = totals.get(city, 0.0) + amount
        if flag == "yes" and number % 2 == 0:
            flagged += 1
        if len(line) > len(longest) or (len(line) == len(longest) and line > longest):
            longest = line
    return totals, flagged, longest


def report(totals):
    out = ""
    for city in sorted(totals):
        out += city.ljust(6, ".") + format(totals[city], ">14.2f") + "|"
    return out


def main():
    text = build_records(800000)
    totals, flagged, longest = parse_records(text)
    summary = report(totals)
    print(len(text), flagged, longest)
    print(summary)
    print(summary.replace(".", "").count("|"), summary.find("Rome"))


main()

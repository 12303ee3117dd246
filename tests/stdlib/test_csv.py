"""csv: writer (quoting modes, escaping, dialects), reader (CPython's state machine, multi-line
quoted fields, strict errors), DictReader and DictWriter, over any iterable of lines and any
object with write()."""


def test_csv_reader_writer_dict_variants(same_as_cpython):
    same_as_cpython('''
        import csv
        class Sink:
            def __init__(self):
                self.parts = []
            def write(self, s):
                self.parts.append(s)
                return len(s)
            def text(self):
                return "".join(self.parts)
        out = Sink()
        w = csv.writer(out)
        print(w.writerow(["name", "age", "note"]))
        w.writerows([["Ann", 31, 'says "hi"'], ["Bob, Jr.", 4.5, "multi\\nline"], ["", None, True], [""]])
        print(repr(out.text()))
        lines = out.text().splitlines(True)
        for row in csv.reader(lines):
            print(row)
        print(list(csv.reader(["a;b;'c;d'\\n", "\\n", "x;;z\\n"], delimiter=";", quotechar="'")))
        print(list(csv.reader(["a, b,  c"], skipinitialspace=True)), list(csv.reader(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)) if False else "")
        o2 = Sink()
        csv.writer(o2, quoting=csv.QUOTE_ALL, lineterminator="\\n").writerow([1, "a", None])
        csv.writer(o2, quoting=csv.QUOTE_NONNUMERIC).writerow([1, "a", 2.5])
        csv.writer(o2, delimiter="\\t").writerow(["a\\tb", "c"])
        csv.writer(o2, quoting=csv.QUOTE_NONE, escapechar="\\\\").writerow(["a,b", 'q"'])
        csv.writer(o2, dialect="unix").writerow(["u", 1])
        print(repr(o2.text()))
        data = ["id,name,score\\r\\n", "1,Ann,90\\r\\n", "2,Bob\\r\\n", "3,Cy,70,extra\\r\\n"]
        r = csv.DictReader(data)
        print(r.fieldnames)
        for row in r:
            print(row)
        r2 = csv.DictReader(["x|y", "1|2"], fieldnames=None, delimiter="|")
        print(next(r2), list(csv.DictReader(["a,b", "1"], restval="?")))
        o3 = Sink()
        dw = csv.DictWriter(o3, fieldnames=["id", "name"], restval="-")
        dw.writeheader()
        dw.writerow({"id": 1, "name": "Ann"})
        dw.writerows([{"id": 2}, {"name": "Zed", "id": 3}])
        print(repr(o3.text()))
        rd = csv.reader(["a,b\\n", "c,d\\n"])
        print(next(rd), next(rd), next(rd, "done"))
        for bad in [lambda: dw.writerow({"id": 1, "zzz": 2}), lambda: csv.writer(Sink(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
                    lambda: list(csv.reader(['a,"b"c'], strict=True)), lambda: list(csv.reader(['"abc'], strict=True))]:
            try:
                bad()
            except csv.Error as e:
                print("csv.Error", e)
            except ValueError as e:
                print("ValueError", e)
        print(list(csv.reader(['"abc'])), list(csv.reader(['a,"b"c'])), list(csv.reader(['"a\\n', 'b",c\\n'])))
    ''')

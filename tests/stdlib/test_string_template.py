"""string.Template (substitute, safe_substitute, CPython's errors) and string.capwords."""


def test_template_and_capwords(same_as_cpython):
    same_as_cpython('''
        from string import Template
        import string
        from collections import ChainMap
        t = Template("Hello $name, you owe ${amount}$$ on $date.")
        print(t.substitute(name="Ann", amount=5, date="Monday"), t.substitute({"name": "Bo", "amount": 1.5, "date": "x"}))
        print(t.safe_substitute(name="B"), t.template, Template("$x$y").substitute({"x": 1}, y=2))
        print(string.capwords("hello   big world"), string.capwords("a-b c-d", "-"))
        for bad in [lambda: t.substitute(name="x"), lambda: Template("cost: $ 5").substitute(), lambda: Template("a\\nb $1").substitute()]:
            try:
                print(bad())
            except (KeyError, ValueError) as e:
                print(type(e).__name__, e)
        print(Template("$ $1 ${bad").safe_substitute())
    ''')

"""str: code points, slicing, operators and methods."""


def test_indexing_slicing_and_operators(same_as_cpython):
    """Indexing and len count code points; slices clamp; * and + build new strings."""
    same_as_cpython('''
        s = "héllo wörld 🐍!"
        print(len(s), s[0], s[1], s[-1], s[-2], s[12])
        print(s[2:5], s[:3], s[7:], s[-6:-1], s[::2], s[::-1], s[1:10:3], s[100:], s[-100:2], s[5:2])
        print("ab" * 3, 3 * "xy", "a" * 0, "a" * -2, "-" * 20)
        print("ll" in s, "z" in s, "" in s, "🐍" in s, "x" not in s)
        print("abc" < "abd", "abc" < "ab", "B" < "a", "é" > "z", "abc" == "abc", "a" != "b", "" < "a")
        print(ord("A"), ord("é"), ord("🐍"), chr(65), chr(233), chr(128013), chr(10) == "\\n")
        t = ""
        for ch in "naïve":
            t = ch + t
        print(t, list("héé"), sorted("banana"), max("hello"), min("hello"))
        print(str(42) + "!", "x" + str(1.5) + str(None) + str([1]))
        try:
            print(s[20])
        except IndexError as e:
            print("IndexError:", e)
    ''')


def test_split_join_strip_replace(same_as_cpython):
    """split without sep collapses whitespace; with sep it keeps empty fields."""
    same_as_cpython('''
        line = "  the quick  brown\\tfox \\n jumps  "
        print(line.split(), line.split(" "), line.split(None, 2), line.split(maxsplit=1))
        print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "".split(","), "".split(), "abc".split("abc"))
        print("a,b,c".rsplit(",", 1), "  a b  c ".rsplit(None, 1), "x--y--z".split("--"))
        print("l1\\nl2\\r\\nl3\\n".splitlines(), "l1\\nl2\\n".splitlines(True))
        print("-".join(["a", "b", "c"]), "".join(reversed("abc")), ", ".join(str(i) for i in range(4)), "+".join([]))
        print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
        print("xxhixx".strip("x"), "<<a>>".lstrip("<"), "www.example.com".strip("cmow."), "abc".rstrip("cb"))
        print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""))
        print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "x".removeprefix("y"))
    ''')


def test_search_methods(same_as_cpython):
    """find returns -1 where index raises ValueError; startswith accepts a tuple."""
    same_as_cpython('''
        s = "mississippi"
        print(s.find("ss"), s.find("ss", 3), s.find("x"), s.rfind("ss"), s.rfind("i", 0, 5), s.find(""))
        print(s.index("p"), s.rindex("s"), s.count("s"), s.count("ss"), s.count(""), s.count("i", 2, 8))
        print(s.startswith("mis"), s.startswith("is", 1), s.endswith("pi"), s.endswith(("x", "pi")))
        print(s.startswith(("a", "b")), "test.py".endswith((".py", ".txt")), s.startswith(""))
        print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"), "abc".rpartition("x"))
        try:
            s.index("z")
        except ValueError as e:
            print("ValueError:", e)
    ''')


def test_case_and_predicates(same_as_cpython):
    """Case conversion and is* predicates follow Unicode, like CPython."""
    same_as_cpython('''
        words = ["hello world", "HELLO", "they're bob's", "ß straße", "ǅ", "123abc", "a1 b2", "Hello World", ""]
        for w in words:
            print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
        samples = ["abc", "ABC", "Abc", "123", "12.5", "abc123", " ", "\\t\\n", "", "½", "²", "Title Case", "x_y", "日本"]
        for t in samples:
            print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
                  t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isascii(), t.isprintable())
    ''')


def test_padding(same_as_cpython):
    """zfill keeps the sign in front; center puts the extra space on the right like CPython."""
    same_as_cpython('''
        for s in ["7", "-7", "+7", "abc", "", "12345"]:
            print(repr(s.zfill(4)), repr(s.center(6)), repr(s.center(7, "*")), repr(s.ljust(5, ".")), repr(s.rjust(5)))
        print("[" + "ab".center(5) + "]", "[" + "abc".center(6) + "]", "[" + "x".center(4, "-") + "]")
        print("a\\tb\\tc".expandtabs(), "a\\tb".expandtabs(4))
        rows = [("apple", 3), ("kiwi", 12), ("banana", 100)]
        for name, n in rows:
            print(name.ljust(8) + str(n).rjust(5))
    ''')


def test_unicode_and_edge_cases(same_as_cpython):
    """Unicode case mapping, whitespace, digits, line boundaries and empty-string corner cases."""
    same_as_cpython('''
        s = "Hello, World"
        print(s.center(20, "=").title(), "ab".join("xyz"), "x".join([]), s.split(", "), s.rsplit("o", 1), s.rsplit("o"))
        print("a b  c".split(" ", 1), "  a  ".split(" "), "\\u00a0a\\u2003b".split(), "a\\x1cb".split(), "1,2,3".split(",", -1))
        try:
            "abc".split("")
        except ValueError as e:
            print(repr(e))
        print("Ünïcödé".upper(), "ΣΑΣ".lower(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ß".upper())
        print("hello world".title(), "hello-world_foo bar2baz".title(), "o'neil mc3d".title(), "ÀB".swapcase())
        print("  x ".strip(" x"), "xyxzyx".strip("xy"), "\\t\\n x \\r\\x0b\\x0c".strip(), repr("\\u3000x\\u3000".strip()))
        print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "abc".replace("b", "", 0), "abc".replace("", "-", 2), "".replace("", "x"))
        print("abcabc".find("c", -2), "abcabc".rfind("c", -5, -1), "abc".find("", 5), "abc".find("", 3), "abc".rfind(""), "abc"[-5:-1])
        print("%s|%5s|%-5s|%.1s" % ("é", "é", "日", "日本"), f"{'日本':>5}|{'é':^5}|", "日本".center(6, "*"), "a".zfill(3), "-".zfill(3))
        print("12".isdigit(), "١٢".isdigit(), "١٢".isdecimal(), int("١٢"), "Ⅻ".isnumeric(), "x1".isidentifier(), "1x".isidentifier(), "_".isidentifier(), "class".isidentifier())
        print("AbC".istitle(), "Ab Cd".istitle(), "ABC DEF".isupper(), "abc1".islower(), "123".islower(), "\\t".isprintable(), " ".isprintable())
        print("a\\tb\\tc".split("\\t"), "x".ljust(3, "é"), "ab".rjust(1), "abc".center(2), "text"[1:3] * 2)
        print("abc" > "ab", "a" * 3 < "aab", [c for c in "e\\u0301"], len("e\\u0301"), "straße".casefold(), "ǈ".upper(), "ǈ".lower(), "ǈ".title())
        print("line1\\nline2\\r\\nline3\\rline4\\x0bline5\\x1c6\\u2028 7".splitlines(), "".splitlines(), "\\n".splitlines())
        print("a,b".partition(","), "a,b,c".rpartition(","), ",".partition(","), "abc".startswith(("x", "a"), 1), "abc".endswith("bc", 0, 2))
        print("Straße".lower().count("s"), "x".join(map(str, range(3))), " ".join("a b".split()), "ab".index("b", -1))
        print(ord("\\x00"), chr(0x10FFFF) == "\\U0010FFFF", repr(chr(0x10FFFF)), repr("\\x7f\\x80\\xa0\\xad"))
        print("{:>8}".format("日本語"), "%c" % 0x1F40D)
    ''')

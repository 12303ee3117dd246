"""bytes and bytearray: literals, repr, indexing, slicing, methods, codecs (utf-8, latin-1,
ascii) with CPython's Unicode errors, int.from_bytes/to_bytes."""


def test_bytes_bytearray_codecs_and_int_conversion(same_as_cpython):
    same_as_cpython('''
        b = b"hello\\n\\t'world'\\x00\\xff"
        print(b, repr(b), len(b), b[0], b[-1], b[1:5], b[::-1][:3], list(b[:3]), b"" == bytes(), bool(b""))
        print(b'"x"', b"it's", b'both \\'"', bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("héllo", "utf-8"))
        s = "héllo wörld €"
        e = s.encode()
        print(e, e.decode(), e.decode("utf-8"), len(e), s.encode("latin-1", errors="replace"), s.encode("ascii", "ignore"))
        print("abc".encode("ascii"), "é".encode("latin-1"), b"\\xe9".decode("latin-1"), e.hex(), bytes.fromhex("de ad be ef"), b"ab".hex(":"))
        print(b"a,b,,c".split(b","), b"  x  y ".split(), b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"-".join([b"a", b"b"]))
        print(b"hello".upper(), b"HeLLo".lower(), b"hello".replace(b"l", b"L"), b"hello".find(b"l"), b"hello".count(b"l"), b"hello".find(108))
        print(b"hello".startswith(b"he"), b"hello".endswith((b"lo", b"x")), b"123".isdigit(), b"abc".isalpha(), b"ab" in b"cabd", 97 in b"abc")
        print(b"ab" + b"cd", b"ab" * 3, b"a" < b"b", b"abc" == b"abc", b"abc" != b"abd", sorted([b"b", b"a", b"c"]), {b"k": 1}[b"k"])
        print([c for c in b"hi"], max(b"hello"), sum(b"\\x01\\x02"), b"%s=%d" % (b"x", 5), b"a\\tb".partition(b"\\t"))
        ba = bytearray(b"abc")
        ba.append(100)
        ba.extend(b"ef")
        ba[0] = 65
        ba += b"!"
        print(ba, len(ba), ba.pop(), ba, bytes(ba), bytearray(3), bytearray([1, 2]), ba.decode(), ba == b"Abcdef")
        alias = ba
        alias.reverse()
        print(ba, ba.copy(), bytearray("xyz", "ascii"), ba.upper())
        print(int.from_bytes(b"\\x00\\x01", "big"), int.from_bytes(b"\\x00\\x01", "little"), int.from_bytes(b"\\xff\\xff", "big", signed=True))
        print(int.from_bytes(b"\\x01" * 12, "big"), (1024).to_bytes(2, "big"), (1024).to_bytes(4, byteorder="little"), (-1).to_bytes(2, "big", signed=True))
        print((2 ** 80).to_bytes(11, "big"), int.from_bytes([1, 2, 3], "big"), isinstance(b"x", bytes), isinstance(ba, bytearray), isinstance("x", bytes))
        for bad in [lambda: b"\\xff".decode(), lambda: b"ab\\xc3".decode("utf-8"), lambda: b"\\xe9".decode("ascii"), lambda: "é€".encode("ascii"),
                    lambda: "a€b".encode("latin-1"), lambda: bytes([256]), lambda: b"x"[5], lambda: b"a" + "b", lambda: (256).to_bytes(1, "big"),
                    lambda: (-1).to_bytes(1, "big"), lambda: "x".encode("klingon"), lambda: bytes("x"), lambda: bytes.fromhex("zz"),
                    lambda: b"\\xc3\\x28".decode()]:
            try:
                print(bad())
            except (UnicodeDecodeError, UnicodeEncodeError) as e:
                print("unicode", type(e).__name__, e)
            except (ValueError, TypeError, IndexError, OverflowError, LookupError) as e:
                print(type(e).__name__, e)
        print(b"\\xff\\xfeabc".decode("utf-8", errors="replace"), b"\\xffabc".decode("utf-8", "ignore"))
    ''')


def test_hashlib_over_bytes(same_as_cpython):
    same_as_cpython('''
        import hashlib
        h = hashlib.sha256(b"abc")
        h.update("déf".encode())
        print(h.hexdigest(), hashlib.md5(b"").digest(), len(hashlib.sha1(bytearray(b"x")).digest()))
    ''')

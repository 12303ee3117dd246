"""struct (pack/unpack/calcsize/iter_unpack/Struct, native and standard layouts, struct.error)
and timeit over callables."""


def test_struct_and_timeit(same_as_cpython):
    same_as_cpython('''
        import struct
        import timeit
        from struct import pack, unpack, calcsize
        print(pack(">I", 1), pack("<h", -2), pack("!HHb", 1, 2, -1), pack("<?cx3s", True, b"z", b"abcd"), pack("=q", -5))
        print(pack("<d", 1.5), pack(">f", 0.1), unpack(">f", pack(">f", 0.1)), pack("@bi", 1, 2), calcsize("@bi"), calcsize("<bi"), calcsize("3s2h"))
        print(unpack("<Ihb", b"\\x01\\x00\\x00\\x00\\xff\\xff\\x80"), unpack(">Q", b"\\xff" * 8), unpack(">q", b"\\xff" * 8), unpack("5s", b"hello"))
        rec = struct.Struct("<I8sd")
        data = rec.pack(7, b"name", 2.25)
        print(rec.size, rec.format, data, rec.unpack(data), list(struct.iter_unpack("<h", b"\\x01\\x00\\x02\\x00")))
        for bad in [lambda: pack("b", 200), lambda: pack("B", -1), lambda: pack("<i", 2 ** 31), lambda: pack("<H", 70000), lambda: pack("<q", 2 ** 63),
                    lambda: pack("ii", 1), lambda: unpack("<I", b"ab"), lambda: pack("i", "x"), lambda: pack("y", 1)]:
            try:
                bad()
            except struct.error as e:
                print("struct.error:", e)
        t = timeit.timeit(lambda: sum(range(10)), number=100)
        print(type(t).__name__, t >= 0, len(timeit.repeat(lambda: None, repeat=3, number=10)))
    ''')


def test_timeit_with_a_statement_string_is_a_translation_error():
    from portalis import translate
    result = translate("import timeit\nprint(timeit.timeit('1 + 1', number=10))\n", "t.py")
    assert not result.ok
    assert [(d.line, d.col) for d in result.errors] == [(2, 21)]
    assert "statement as a string" in result.errors[0].message

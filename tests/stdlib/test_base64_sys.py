"""base64 (standard, URL-safe and Base16 alphabets with CPython's decoding rules) and
sys.float_info."""


def test_base64(same_as_cpython):
    same_as_cpython('''
        import base64
        from base64 import b64encode, urlsafe_b64decode
        data = "Hello, World! ~~~???".encode()
        e = b64encode(data)
        print(e, base64.b64decode(e), base64.b64decode(e.decode()), base64.urlsafe_b64encode(b"\\xfb\\xff\\xfe"), urlsafe_b64decode("-__-"))
        print(base64.b64encode(b"\\xfb\\xff", altchars=b"*!"), base64.b64decode(b"YW55\\nIGNh!!cm5hbA=="), base64.standard_b64encode(b""))
        print([b64encode(bytes(range(n))) for n in range(5)], base64.b64decode(b"YWI=extra"))
        print(base64.b16encode(b"\\x01\\xab"), base64.b16decode("01AB"), base64.b16decode(b"01ab", casefold=True))
        for bad in [lambda: base64.b64decode("YWJ"), lambda: base64.b64decode("Y"), lambda: base64.b64decode("YW!=", validate=True),
                    lambda: base64.b64encode("text"), lambda: base64.b64decode("\\u00e9"), lambda: base64.b16decode("0"),
                    lambda: base64.b16decode("zz")]:
            try:
                print(bad())
            except (ValueError, TypeError) as e:
                print(type(e).__name__, e)
    ''')


def test_float_info(same_as_cpython):
    same_as_cpython('''
        import sys
        print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
        print(sys.float_info)
        print(sys.float_info[0], len(sys.float_info), 1.0 + sys.float_info.epsilon > 1.0)
    ''')

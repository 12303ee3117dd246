"""hashlib: md5/sha1/sha2 digests of encoded text match CPython's."""


def test_hexdigests(same_as_cpython):
    same_as_cpython('''
        import hashlib
        texts = ["", "abc", "hello world", "The quick brown fox jumps over the lazy dog", "ünïcødé ✓", "x" * 55, "y" * 56, "z" * 64, "w" * 1000]
        for t in texts:
            print(hashlib.md5(t.encode()).hexdigest(), hashlib.sha1(t.encode("utf-8")).hexdigest())
            print(hashlib.sha256(t.encode('utf-8')).hexdigest(), hashlib.sha224(t.encode()).hexdigest())
            print(hashlib.sha512(t.encode()).hexdigest()[:40], hashlib.sha384(t.encode()).hexdigest()[-40:])
        h = hashlib.sha256()
        h.update("hello ".encode())
        h.update("world".encode())
        print(h.hexdigest() == hashlib.sha256("hello world".encode()).hexdigest(), h.name, h.digest_size, h.block_size)
        c = h.copy()
        c.update("!".encode())
        print(h.hexdigest()[:16], c.hexdigest()[:16], list(hashlib.md5("abc".encode()).digest())[:8])
        print(hashlib.new("sha1", "abc".encode()).hexdigest(), hashlib.new("md5").hexdigest())
        print(len(hashlib.sha256("a".encode()).digest()), hashlib.md5("a".encode()).digest_size)
    ''')

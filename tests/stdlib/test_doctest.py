"""doctest.testmod(): the module's docstrings found at translation time, their examples run
and reported as CPython's doctest reports them (silent on success, the failure blocks and
summary, verbose mode, option directives, expected exceptions)."""
import textwrap

from portalis.api import translate
from portalis.check import run_binary, run_python

LIBRARY = '''
    """Shapes and sums.

    >>> area(2, 3)
    6
    >>> seen = []
    >>> seen.append(area(1, 1)); seen
    [1]
    """
    import doctest


    class ParseError(Exception):
        pass


    def area(w, h):
        """The area of a w by h rectangle.

        >>> area(3, 4)
        12
        >>> [area(i, i) for i in range(4)]
        [0, 1, 4, 9]
        >>> for i in range(2):
        ...     area(i, 2)
        0
        2
        >>> area(None, 2)
        Traceback (most recent call last):
            ...
        TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
        >>> print("a\\\\n\\\\nb")
        a
        <BLANKLINE>
        b
        >>> list(range(30))  # doctest: +ELLIPSIS
        [0, 1, 2, ..., 29]
        >>> list(range(6))  # doctest: +NORMALIZE_WHITESPACE
        [0, 1, 2,
         3, 4, 5]
        >>> area(1, 1) == 1
        1
        >>> not_translatable_at_all  # doctest: +SKIP
        >>> "text", None
        ('text', None)
        """
        return w * h


    def parse(text):
        """Parse a number.

        >>> parse("12")
        12
        >>> parse("x")
        Traceback (most recent call last):
        ParseError: not a number: 'x'
        >>> parse("y")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        somewhere.ParseError: whatever
        """
        if not text.isdigit():
            raise ParseError(f"not a number: {text!r}")
        return int(text)


    class Counter:
        """Counts.

        >>> c = Counter()
        >>> c.add(2); c.add(3)
        >>> c.total
        5
        """

        def __init__(self):
            self.total = 0

        def add(self, n):
            """Add n.

            >>> Counter().add(1)
            """
            self.total += n

        @property
        def doubled(self):
            """
            >>> c = Counter(); c.add(4); c.doubled
            8
            """
            return self.total * 2

        @staticmethod
        def make():
            """
            >>> Counter.make().total
            0
            """
            return Counter()
'''

FAILING = '''
    def half(n):
        """Half of n.

        >>> half(4)
        2
        >>> half(5)
        2
        >>> print("got", half(8))
        expected 4
        >>> print("   ")
        >>> half(2)
        """
        return n // 2 if n != 5 else 2.5


    def echo(s):
        """
        >>> echo("x")
        >>> echo("")  # doctest: +REPORT_ONLY_FIRST_FAILURE
        ''
        """
        return s
'''


def _same_in_one_folder(source: str, built, tmp_path, args: str = ""):
    """CPython and the translation run as `prog.py` in the same folder (doctest names the
    file by its absolute path, and an example's traceback shows the file's lines)."""
    script, binary = built(source)
    python = run_python(script.relative_to(tmp_path), None, 60, args.split(), cwd=tmp_path)
    rust = run_binary(binary, "native", None, 60, args.split(), cwd=tmp_path)
    expected = python.stdout
    assert rust.stdout == expected
    assert rust.returncode == python.returncode == 0
    return python.stdout


def test_passing_doctests_are_silent(same_as_cpython):
    same_as_cpython(LIBRARY + '''
    if __name__ == "__main__":
        import doctest
        print(doctest.testmod())
        from doctest import testmod as check
        result = check()
        print(result.failed, result.attempted, result == (0, result.attempted), result[1])
    ''')


def test_verbose_report(built_script, tmp_path):
    out = _same_in_one_folder(LIBRARY + '''
    if __name__ == "__main__":
        print(doctest.testmod(verbose=True))
    ''', built_script, tmp_path)
    assert "items passed all tests" in out


def test_failures_report_as_cpython(built_script, tmp_path):
    out = _same_in_one_folder(FAILING + '''
    import doctest
    print(doctest.testmod())
    print(doctest.testmod(report=False))
    print(doctest.testmod(optionflags=doctest.FAIL_FAST))
    print(doctest.testmod(verbose=True, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE))
    ''', built_script, tmp_path)
    assert "***Test Failed***" in out and "Expected nothing" in out


def test_dash_v_makes_testmod_verbose(built_script, tmp_path):
    _same_in_one_folder(FAILING + '''
    if __name__ == "__main__":
        import doctest
        doctest.testmod()
    ''', built_script, tmp_path, args="-v")


def test_unexpected_exception(built_script, tmp_path):
    """An example that raises shows CPython's traceback: doctest's own frame, the example's
    (`<doctest __main__.risky[0]>`, its line and carets), and the frames it called."""
    out = _same_in_one_folder('''
    class Box:
        def get(self, key):
            """
            >>> Box().get("a") + 1
            2
            """
            return {"b": 1}[key]

    def risky(n):
        """
        >>> risky(0)
        1
        >>> risky(1)
        Traceback (most recent call last):
        KeyError: 'other'
        >>> [risky(k) for k in (2, 0)]
        """
        if n == 1:
            raise KeyError("key")
        return 1 // n

    import doctest
    doctest.testmod()
    ''', built_script, tmp_path)
    assert "Exception raised:" in out and "ZeroDivisionError: integer division or modulo by zero" in out
    assert 'File "<doctest __main__.risky[2]>", line 1, in <module>' in out and "in <listcomp>" in out


def test_untranslatable_example_is_reported_at_its_docstring_line():
    translation = translate(textwrap.dedent('''
        def f():
            """
            >>> f()
            >>> eval("1 + 1")
            2
            """

        import doctest
        doctest.testmod(m=None)
    '''), "prog.py")
    found = {(d.line, d.message.split(" (")[0]) for d in translation.diagnostics if d.severity == "error"}
    assert (5, "eval() is not supported") in found
    assert (10, "doctest.testmod(m=...) is not supported") in found


def test_test_dict_runs_as_cpython_runs_it(built_script, tmp_path):
    """`__test__` strings are tests named `__main__.__test__.key`, sorted among the
    others, at no known line; a function of the module listed there is not run twice."""
    out = _same_in_one_folder('''
    """Module doc.

    >>> 1 + 1
    2
    """
    import doctest

    def helper(x):
        """Double.

        >>> helper(2)
        4
        """
        return 2 * x

    def extra():
        return 1

    __test__ = {
        "numbers": """
        >>> helper(5)
        10
        >>> helper(1) + 1
        4
        """,
        "Alpha": ">>> extra()\\n1\\n",
        "again": helper,
        "empty": "no examples here",
        "zlast": """
        >>> print("hi")
        hi
        """,
    }

    if __name__ == "__main__":
        print(doctest.testmod())
        print(doctest.testmod(verbose=True))
    ''', built_script, tmp_path)
    assert "__main__.__test__.numbers" in out and "__main__.__test__.empty" in out


def test_test_dict_that_is_not_a_literal_is_reported():
    translation = translate(textwrap.dedent('''
        import doctest
        __test__ = dict(a=">>> 1\\n1\\n")
        doctest.testmod()
    '''), "prog.py")
    assert any("__test__" in d.message and d.line == 3 for d in translation.diagnostics), translation.diagnostics

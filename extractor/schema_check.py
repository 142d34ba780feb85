"""A JSON Schema compiled into one plain Python function that tells whether a value is valid.

jsonschema spent more time on a record than any field resolver: it walks the schema for every
value and builds a validator object per keyword. The schema of a record is fixed, so it is
turned once into the source of a function (as fastjsonschema does, but for the keywords our
schema uses only, with jsonschema's own type checker and format checker, so the answer is the
one jsonschema gives). A schema with any other keyword is refused (NotImplementedError); the
caller then asks jsonschema.

>>> check = compile_check({"type": "object", "required": ["a"],
...                        "properties": {"a": {"type": "string", "minLength": 1}},
...                        "additionalProperties": False}, formats=None, is_type=None)
>>> check({"a": "x"}), check({"a": ""}), check({"a": "x", "b": 1}), check([])
(True, False, False, False)
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate: they never make a value invalid.
ANNOTATIONS = frozenset({"description", "title", "$comment", "$schema", "$id", "examples",
                         "default"})
KEYWORDS = frozenset({"type", "properties", "additionalProperties", "items", "required",
                      "minLength", "maxLength", "minItems", "maxItems", "minimum", "pattern",
                      "format", "anyOf", "oneOf"})
# Types told apart by isinstance alone, exactly as jsonschema's type checker tells them; the
# others (integer, number) ask that checker.
_PLAIN_TYPES = {"null": "{} is None", "string": "isinstance({}, str)",
                "boolean": "isinstance({}, bool)", "array": "isinstance({}, list)",
                "object": "isinstance({}, dict)"}


def compile_check(schema: Any, *, formats: Any, is_type: Callable[[Any, str], bool] | None
                  ) -> Check:
    """Return a function that tells whether a value is valid against ``schema``.

    ``formats`` is a jsonschema FormatChecker (its ``conforms`` decides ``format``) and
    ``is_type`` jsonschema's ``TYPE_CHECKER.is_type`` (for integer and number). Raises
    NotImplementedError for a keyword, or a ``$ref``, it does not compile.
    """
    writer = _Writer({"formats": formats, "is_type": is_type})
    name = writer.function(schema)
    namespace = dict(writer.constants)
    exec("\n".join(writer.lines), namespace)  # noqa: S102 - source made here from the schema
    check: Check = namespace[name]
    return check


class _Writer:
    """The source of the functions of one schema, and the constants they use."""

    def __init__(self, constants: dict[str, Any]) -> None:
        self.lines: list[str] = []
        self.constants = constants
        self.count = 0

    def fresh(self, stem: str) -> str:
        """Return a new name."""
        self.count += 1
        return f"{stem}{self.count}"

    def constant(self, value: Any) -> str:
        """Return the name of a new constant holding ``value``."""
        name = self.fresh("c")
        self.constants[name] = value
        return name

    def function(self, schema: Any) -> str:
        """Write ``def name(v): ... return True`` for ``schema``; return its name."""
        name = self.fresh("check")
        body: list[str] = []
        self.statements(schema, "v", body, "    ")
        self.lines += [f"def {name}(v):", *body, "    return True", ""]
        return name

    def statements(self, schema: Any, value: str, out: list[str], pad: str) -> None:
        """Append statements that return False when ``value`` is not valid against ``schema``."""
        if schema is True:
            return
        if schema is False or not isinstance(schema, dict):
            if schema is not False:
                raise NotImplementedError(f"schema {schema!r}")
            out.append(f"{pad}return False")
            return
        unknown = schema.keys() - ANNOTATIONS - KEYWORDS
        if unknown:
            raise NotImplementedError(f"keywords {sorted(unknown)}")
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            tests = [_PLAIN_TYPES[n].format(value) if n in _PLAIN_TYPES
                     else f"is_type({value}, {n!r})" for n in names]
            out.append(f"{pad}if not ({' or '.join(tests)}): return False")
        if "required" in schema:
            present = " and ".join(f"{n!r} in {value}" for n in schema["required"]) or "True"
            out.append(f"{pad}if isinstance({value}, dict) and not ({present}): return False")
        for low, high, kind in (("minLength", "maxLength", "str"), ("minItems", "maxItems", "list")):
            if low in schema:
                out.append(f"{pad}if isinstance({value}, {kind}) and len({value}) < "
                           f"{int(schema[low])}: return False")
            if high in schema:
                out.append(f"{pad}if isinstance({value}, {kind}) and len({value}) > "
                           f"{int(schema[high])}: return False")
        if "minimum" in schema:
            low = self.constant(schema["minimum"])
            out.append(f"{pad}if is_type({value}, 'number') and {value} < {low}: return False")
        if "pattern" in schema:  # jsonschema uses re.search
            search = self.constant(re.compile(schema["pattern"]).search)
            out.append(f"{pad}if isinstance({value}, str) and {search}({value}) is None: "
                       f"return False")
        if "format" in schema:
            out.append(f"{pad}if not formats.conforms({value}, {schema['format']!r}): "
                       f"return False")
        if "anyOf" in schema:
            tests = [f"{self.function(sub)}({value})" for sub in schema["anyOf"]]
            out.append(f"{pad}if not ({' or '.join(tests)}): return False")
        if "oneOf" in schema:
            tests = [f"{self.function(sub)}({value})" for sub in schema["oneOf"]]
            out.append(f"{pad}if ({' + '.join(tests)}) != 1: return False")
        if "items" in schema:
            item = self.fresh("x")
            out.append(f"{pad}if isinstance({value}, list):")
            out.append(f"{pad}    for {item} in {value}:")
            self._block(schema["items"], item, out, pad + "        ")
        self._members(schema, value, out, pad)

    def _members(self, schema: dict[str, Any], value: str, out: list[str], pad: str) -> None:
        """``properties`` and ``additionalProperties``: each member against its schema."""
        if "properties" not in schema and "additionalProperties" not in schema:
            return
        key, member = self.fresh("k"), self.fresh("x")
        out.append(f"{pad}if isinstance({value}, dict):")
        out.append(f"{pad}    for {key}, {member} in {value}.items():")
        inner = pad + "        "
        branch = "if"
        for name, sub in schema.get("properties", {}).items():
            out.append(f"{inner}{branch} {key} == {name!r}:")
            self._block(sub, member, out, inner + "    ")
            branch = "elif"
        extra = schema.get("additionalProperties", True)
        if branch == "if":
            self._block(extra, member, out, inner)
        else:
            out.append(f"{inner}else:")
            self._block(extra, member, out, inner + "    ")

    def _block(self, schema: Any, value: str, out: list[str], pad: str) -> None:
        """Append the statements of ``schema``, or ``pass`` when it has none."""
        before = len(out)
        self.statements(schema, value, out, pad)
        if len(out) == before:
            out.append(f"{pad}pass")

import dataclasses

import pytest

from netmap.model.schema import TABLES, Column, TableSchema, table_for_name


@pytest.mark.parametrize("table", list(TABLES))
def test_no_header_names_two_columns(table):
    index = TABLES[table].header_index()
    assert set(index.values()) == {c.name for c in TABLES[table].columns}


def test_table_names_do_not_collide():
    for name, schema in TABLES.items():
        for alias in (name, *schema.aliases):
            assert table_for_name(alias) == name, alias


@pytest.mark.parametrize(("table", "header", "column"), [
    ("ties", "from", "source"), ("ties", "To", "target"), ("ties", "מקור", "source"),
    ("ties", "סוג הקשר", "type"), ("actors", "מגזר", "sector"), ("actors", "שם", "name"),
    ("actors", "מזהה", "id"), ("actors", "ארגון", "org"), ("ties", "גל", "wave"),
    ("memberships", "גוף", "body"), ("bodies", "סוג", "kind"), ("activities", "מטרה", "goal"),
])
def test_known_headers(table, header, column):
    from netmap.model._labels import label_key

    assert TABLES[table].header_index()[label_key(header)] == column


def test_header_index_is_kept_on_the_schema_and_copied_out():
    # worked out once per schema object (no module-level cache), a fresh dict each call
    schema = TABLES["ties"]
    first = schema.header_index()
    first["anything"] = "changed"
    assert "anything" not in schema.header_index()
    assert "_headers" in vars(schema)
    fresh = dataclasses.replace(schema)
    assert "_headers" not in vars(fresh)
    assert fresh.header_index() == schema.header_index()


def test_a_header_naming_two_columns_is_refused_when_asked():
    clash = TableSchema("clash", False, (Column("a", "text", aliases=("b",)),
                                         Column("b", "text")))
    with pytest.raises(ValueError, match="header 'b' names both 'a' and 'b' in the clash table"):
        clash.header_index()

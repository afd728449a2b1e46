import pytest

from netmap.model.schema import TABLES, table_for_name


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

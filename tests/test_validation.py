"""Every error and warning of reading, with the file, row and column it names."""

import pandas as pd
import pytest

import netmap
from conftest import write_text
from netmap import (
    DataWarning,
    DuplicateIdError,
    InconsistentActorError,
    InvalidValueError,
    MissingColumnError,
    UnknownActorError,
    UnknownBodyError,
    UnknownLabelError,
    UnknownSectorError,
    ValidationError,
    WaveError,
)

ACTORS = """id,name,sector,level,org
moe,משרד החינוך,public,organisation,
intel,Intel,business,organisation,
ngo,עמותה א',third,organisation,
p1,Dana,third,person,ngo
"""
TIES = """source,target,type,weight
moe,ngo,funding,2
intel,ngo,donation,1
p1,moe,information,
"""


def read(tmp_path, actors=ACTORS, ties=TIES, **more):
    files = {"actors": write_text(tmp_path / "actors.csv", actors),
             "ties": write_text(tmp_path / "ties.csv", ties)}
    for table, text in more.items():
        files[table] = write_text(tmp_path / f"{table}.csv", text)
    return netmap.read_csv(**files)


def only_error(info, cls):
    errors = info.value.errors
    assert len(errors) == 1, [str(e) for e in errors]
    assert isinstance(errors[0], cls)
    return errors[0]


def test_clean_input_reads_with_one_warning_for_blank_weight(tmp_path):
    with pytest.warns(DataWarning, match="weight is empty; taken as 1"):
        m = read(tmp_path)
    assert m.ties["weight"].tolist() == [2.0, 1.0, 1.0]
    issue = m.issues.iloc[0]
    assert (issue["code"], issue["row"], issue["column"]) == ("default-weight", 4,
                                                              "weight")


def test_missing_column(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors="id,name,sectr\nmoe,x,public\n")
    err = only_error(info, MissingColumnError)
    assert err.file.endswith("actors.csv") and err.row == 1
    assert "no 'sector' column" in str(err)
    assert "rename 'sectr' to 'sector'" in str(err).lower()


def test_duplicate_actor_id_names_both_rows(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=ACTORS + "moe,again,public,organisation,\n")
    err = only_error(info, DuplicateIdError)
    assert (err.row, err.column) == (6, "id")
    assert "rows 2, 6" in str(err)
    assert "actors.csv, row 6, column 'id'" in str(err)


def test_unknown_sector_suggests_nearest(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=ACTORS.replace("intel,Intel,business", "intel,Intel,buisness"))
    err = only_error(info, UnknownSectorError)
    assert (err.row, err.column, err.value) == (3, "sector", "buisness")
    assert "Did you mean 'business'" in str(err)


def test_unknown_sector_repeated_is_one_error_listing_rows(tmp_path):
    actors = "id,sector\n" + "".join(f"a{i},xyz\n" for i in range(12))
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=actors, ties="source,target\na0,a1\n")
    err = only_error(info, UnknownSectorError)
    assert "rows 2, 3, 4, 5, 6, 7, 8, 9 and 4 more" in str(err)


def test_empty_sector(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=ACTORS.replace("intel,Intel,business", "intel,Intel,"))
    err = only_error(info, UnknownSectorError)
    assert (err.row, err.column) == (3, "sector")


def test_unknown_level(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=ACTORS.replace("intel,Intel,business,organisation",
                                             "intel,Intel,business,organisaton"))
    err = only_error(info, UnknownLabelError)
    assert (err.row, err.column) == (3, "level")
    assert "did you mean 'organisation'" in str(err).lower()


def test_tie_naming_unknown_actor(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, ties=TIES + "moe,intl,partnership,1\n")
    err = only_error(info, UnknownActorError)
    assert (err.row, err.column, err.value) == (5, "target", "intl")
    assert "did you mean 'intel'" in str(err).lower()


def test_tie_naming_an_actor_by_its_name_suggests_the_id(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, ties=TIES + "משרד החינוך,intel,partnership,1\n")
    err = only_error(info, UnknownActorError)
    assert (err.row, err.column) == (5, "source")
    assert "write its id 'moe'" in str(err)


def test_empty_source(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, ties=TIES + ",intel,partnership,1\n")
    err = only_error(info, InvalidValueError)
    assert (err.row, err.column) == (5, "source")


def test_non_numeric_weight(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, ties=TIES.replace("moe,ngo,funding,2", "moe,ngo,funding,high"))
    err = only_error(info, InvalidValueError)
    assert (err.row, err.column, err.value) == (2, "weight", "high")


def test_decimal_comma_weight_suggests_point(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, ties=TIES.replace("moe,ngo,funding,2", 'moe,ngo,funding,"2,5"'))
    assert "decimal point" in str(only_error(info, InvalidValueError))


def test_person_without_org(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=ACTORS.replace("p1,Dana,third,person,ngo",
                                             "p1,Dana,third,person,"))
    err = only_error(info, InconsistentActorError)
    assert (err.row, err.column) == (5, "org")


def test_person_whose_org_is_not_in_the_map(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=ACTORS.replace("p1,Dana,third,person,ngo",
                                             "p1,Dana,third,person,nog"))
    err = only_error(info, UnknownActorError)
    assert (err.row, err.column) == (5, "org")
    assert "did you mean 'ngo'" in str(err).lower()


def test_org_must_be_an_organisation_and_holder_a_person(tmp_path):
    actors = ACTORS + "p2,Avi,third,person,p1\nx,X,public,organisation,moe\n"
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=actors)
    messages = sorted(str(e) for e in info.value.errors)
    assert len(messages) == 2
    assert any("row 7, column 'level'" in s and "must be a person" in s
               for s in messages)
    assert any("row 6, column 'org'" in s and "must be an organisation" in s
               for s in messages)


def test_membership_errors(tmp_path):
    bodies = "id,name,kind\nsc,Steering committee,ועדת היגוי\n"
    members = "actor,body,role\nmoe,sc,יו\"ר\nintel,scc,member\nnobody,sc,member\n"
    with pytest.raises(ValidationError) as info:
        read(tmp_path, bodies=bodies, memberships=members)
    errors = {type(e): e for e in info.value.errors}
    assert (errors[UnknownBodyError].row, errors[UnknownBodyError].column) == (3, "body")
    assert "did you mean 'sc'" in str(errors[UnknownBodyError]).lower()
    assert (errors[UnknownActorError].row, errors[UnknownActorError].column) == (
        4, "actor")


def test_memberships_without_bodies_table_infer_bodies(tmp_path):
    with pytest.warns(DataWarning):
        m = read(tmp_path, memberships='actor,body,role\nmoe,sc,יו"ר\nngo,sc,חבר\n')
    assert m.bodies.index.tolist() == ["sc"]
    assert m.memberships["role"].tolist() == ["chair", "member"]


def test_activity_errors(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, activities="actor,goal\nngo,tutoring\nngo,\nngoo,tutoring\n")
    errors = sorted(info.value.errors, key=lambda e: e.row)
    assert [(e.row, e.column) for e in errors] == [(3, "goal"), (4, "actor")]


def test_all_problems_reported_at_once(tmp_path):
    actors = ACTORS.replace("business", "buisness") + "moe,dup,public,,\n"
    ties = TIES.replace("moe,ngo,funding,2", "moe,nope,funding,x")
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=actors, ties=ties)
    kinds = sorted(type(e).__name__ for e in info.value.errors)
    assert kinds == ["DuplicateIdError", "InvalidValueError", "UnknownActorError",
                     "UnknownSectorError"]
    assert str(info.value).startswith("4 problems in the input:")


def test_whitespace_is_trimmed(tmp_path):
    actors = "id , sector \n  moe  ,  Public \n ngo\u00a0, עמותה \n"
    ties = " source,target\n moe , ngo \n"
    m = read(tmp_path, actors=actors, ties=ties)
    assert m.actors.index.tolist() == ["moe", "ngo"]
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["moe", "ngo"]]


def test_self_tie_kept_and_reported(tmp_path):
    with pytest.warns(DataWarning, match="self-tie"):
        m = read(tmp_path, ties="source,target\nmoe,moe\nmoe,ngo\n")
    assert m.n_ties == 2
    issue = m.issues.set_index("code").loc["self-tie"]
    assert issue["row"] == 2 and issue["severity"] == "warning"


def test_exact_duplicate_ties_dropped_and_reported(tmp_path):
    ties = "source,target,type\nmoe,ngo,funding\nngo,moe,funding\nmoe,ngo,partnership\n"
    with pytest.warns(DataWarning, match="duplicate tie dropped"):
        m = read(tmp_path, ties=ties)
    assert m.n_ties == 2
    assert m.ties["type"].tolist() == ["funding", "partnership"]
    assert m.issues.set_index("code").loc["duplicate-tie", "row"] == 3


def test_reversed_tie_is_not_a_duplicate_when_directed(tmp_path):
    files = {"actors": write_text(tmp_path / "actors.csv", ACTORS),
             "ties": write_text(tmp_path / "ties.csv",
                                "source,target\nmoe,ngo\nngo,moe\n")}
    m = netmap.read_csv(**files, directed=True)
    assert m.n_ties == 2 and m.issues.empty


def test_unknown_tie_type_kept_classified_and_warned_once(tmp_path):
    ties = "source,target,type\nmoe,ngo,friendship\nintel,ngo,friendship\nmoe,intel,x\n"
    with pytest.warns(DataWarning) as record:
        m = read(tmp_path, ties=ties)
    assert len(record) == 1
    assert "friendship" in str(record[0].message)
    assert m.ties["type"].tolist() == ["friendship", "friendship", "x"]
    assert set(m.ties["tie_class"]) == {"unclassified"}
    codes = m.issues["code"].tolist()
    assert codes == ["unknown-tie-type", "unknown-tie-type"]
    assert "rows 2, 3" in m.issues["message"].iloc[0]


def test_computed_columns_must_agree(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors="id,sector,core\nmoe,public,third\nngo,third,third\n",
             ties="source,target\nmoe,ngo\n")
    assert "computed by netmap" in str(info.value)
    m = read(tmp_path, actors="id,sector,core\nmoe,public,public\nngo,third,\n",
             ties="source,target\nmoe,ngo\n")
    assert m.actors["core"].tolist() == ["public", "third"]


def test_two_headers_naming_one_column(tmp_path):
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors="id,מזהה,sector\na,a,public\n")
    assert "both name 'id'" in str(info.value)


def test_wave_errors(tmp_path):
    actors = "id,sector,wave,until\na,public,2,\nb,third,1,\nc,business,3,2\n"
    ties = "source,target,wave,until\na,b,1,\na,b,2,5\n"
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=actors, ties=ties)
    errors = sorted(info.value.errors, key=lambda e: (e.file, e.row))
    assert all(isinstance(e, WaveError) for e in errors)
    messages = [str(e) for e in errors]
    assert any("actors.csv, row 4, column 'until'" in s and "before wave" in s
               for s in messages)
    assert any("ties.csv, row 2, column 'wave'" in s and "starts before" in s
               for s in messages)


def test_tie_ending_after_its_actor(tmp_path):
    actors = "id,sector,until\na,public,1\nb,third,\n"
    ties = "source,target,wave,until\na,b,1,2\n"
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=actors, ties=ties)
    err = only_error(info, WaveError)
    assert (err.row, err.column) == (2, "until")
    assert "ends after the actor named in 'source'" in str(err)


def test_text_waves_need_an_order(tmp_path):
    actors = "id,sector,wave\na,public,before\nb,third,after\n"
    ties = "source,target\na,b\n"
    with pytest.raises(ValidationError) as info:
        read(tmp_path, actors=actors, ties=ties)
    err = only_error(info, WaveError)
    assert "no natural order" in str(err) and "waves=" in str(err)
    files = {"actors": tmp_path / "actors.csv", "ties": tmp_path / "ties.csv"}
    m = netmap.read_csv(**files, waves=["before", "after"])
    assert m.waves == ("before", "after")
    assert m.at("before").n_actors == 1
    with pytest.raises(ValidationError, match="'after' are not among"):
        netmap.read_csv(**files, waves=["before", "later"])


def test_iso_date_waves_order_themselves(tmp_path):
    actors = "id,sector,wave\na,public,2014-05\nb,third,2013-11\n"
    m = read(tmp_path, actors=actors, ties="source,target\na,b\n")
    assert m.waves == ("2013-11", "2014-05")


def test_frames_errors_name_table_and_index_label():
    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "bizness"]},
                          index=[10, 20])
    with pytest.raises(ValidationError) as info:
        netmap.from_frames(actors)
    err = only_error(info, UnknownSectorError)
    assert err.row == 20
    assert str(err).startswith("actors table, row 20, column 'sector'")


def test_numeric_ids_from_frames_become_text():
    actors = pd.DataFrame({"id": [1, 2], "sector": ["public", "third"]})
    ties = pd.DataFrame({"source": [1], "target": [2]})
    m = netmap.from_frames(actors, ties)
    assert m.actors.index.tolist() == ["1", "2"]
    assert m.ties["source"].tolist() == ["1"]


def test_errors_pickle():
    import pickle

    err = UnknownSectorError("unknown sector 'x'", file="a.csv", row=3, column="sector",
                             suggestion="did you mean 'y'?")
    again = pickle.loads(pickle.dumps(ValidationError([err])))
    assert str(again.errors[0]) == str(err)
    assert again.errors[0].row == 3


def test_kumu_style_from_to_headers(tmp_path):
    m = read(tmp_path, ties="From,To,Type\nmoe,ngo,funding\n")
    assert m.ties[["source", "target", "type"]].to_numpy().tolist() == [
        ["moe", "ngo", "funding"]]


def test_repeated_wave_labels_in_waves_argument(tmp_path):
    write_text(tmp_path / "actors.csv", "id,sector,wave\na,public,start\nb,third,mid\n")
    write_text(tmp_path / "ties.csv", "source,target\na,b\n")
    with pytest.raises(ValidationError) as info:
        netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv",
                        waves=["start", "start", "mid"])
    err = only_error(info, WaveError)
    assert "repeat a label" in str(err)


def test_issue_rows_are_integers(tmp_path):
    with pytest.warns(DataWarning):
        m = read(tmp_path, ties="source,target\nmoe,moe\n")
    assert str(m.issues["row"].dtype) == "Int64"


def test_empty_ties_keep_text_columns(tmp_path):
    m = read(tmp_path, ties="source,target\n")
    assert m.n_ties == 0
    assert str(m.ties["source"].dtype) == "str"


def test_computed_column_header_in_any_case(tmp_path):
    with pytest.raises(ValidationError, match="computed by netmap"):
        read(tmp_path, actors="id,sector,Core\nmoe,public,third\n",
             ties="source,target\n")


def test_warnings_point_at_the_callers_line():
    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"]})
    ties = pd.DataFrame({"source": ["a"], "target": ["a"]})
    for build in (netmap.from_frames, netmap.StakeholderMap):
        with pytest.warns(DataWarning) as record:
            build(actors, ties)
        assert record[0].filename == __file__


def test_duplicated_keys_agree_with_pandas():
    """Duplicate rows found through hash buckets are pandas' ``duplicated``, row for row."""
    import numpy as np
    import pandas as pd

    from netmap.model._validation import _duplicated_keys

    rng = np.random.default_rng(3)
    for n, span in ((10, 5), (70_000, 10**12), (70_000, 50_000), (100_000, 2**62),
                    (40_000, -(10**9))):  # (negative keys: hashed as unsigned)
        keys = rng.integers(min(0, span), max(0, span), n, dtype=np.int64)
        keys[rng.integers(0, n, n // 50)] = keys[rng.integers(0, n, n // 50)]
        expected = pd.Series(keys).duplicated(keep="first").to_numpy()
        assert (_duplicated_keys(keys) == expected).all()
        assert expected.any()


def test_duplicated_rows_as_one_key_agree_with_pandas():
    """Rows packed into one whole number, or compared as rows when too wide, alike."""
    import numpy as np
    import pandas as pd

    from netmap.model._validation import _duplicated

    rng = np.random.default_rng(4)
    frame = pd.DataFrame({"source": rng.integers(0, 30, 2000).astype(str),
                          "target": rng.integers(0, 30, 2000).astype(str),
                          "weight": rng.integers(0, 3, 2000).astype(float),
                          "note": pd.array(rng.choice(["a", None], 2000), dtype="str")})
    pair = pd.DataFrame({"lo": frame[["source", "target"]].min(axis=1),
                         "hi": frame[["source", "target"]].max(axis=1),
                         "weight": frame["weight"], "note": frame["note"]})
    assert (_duplicated(frame, True) == frame.duplicated().to_numpy()).all()
    assert (_duplicated(frame, False) == pair.duplicated().to_numpy()).all()
    wide = pd.DataFrame({c: rng.integers(0, 2**40, 300) for c in "abc"})
    wide.iloc[7] = wide.iloc[3]
    assert (_duplicated(wide, True) == wide.duplicated().to_numpy()).all()
    assert _duplicated(wide, True)[7]


def test_rows_kept_column_by_column_keep_every_dtype():
    """Dropping rows column by column gives ``frame[keep]``, dtypes included."""
    import numpy as np
    import pandas as pd

    from netmap.model._validation import _rows

    frame = pd.DataFrame(
        {"a": pd.Series(["x", "y", None], dtype=object),
         "b": pd.Series([1, 2**70, None], dtype=object),
         "c": pd.array([1, None, 3], dtype="Int64"),
         "d": pd.Series([True, False, True], dtype=object),
         "e": pd.array(["p", None, "q"], dtype="str"),
         "f": pd.Categorical(["u", "v", None]),
         "g": [0.5, 1.0, np.nan]},
        index=pd.RangeIndex(3, name="tie"))
    keep = np.array([True, False, True])
    pd.testing.assert_frame_equal(_rows(frame, keep), frame[keep], check_exact=True)


@pytest.mark.parametrize("directed", [False, True])
def test_map_arrays_start_from_the_ends_the_checks_found(directed):
    """The validation hands each kept tie's ends (positions among the actors) to the
    map's arrays; they equal the ids looked up again, duplicates dropped or not."""
    import numpy as np

    from netmap.model.arrays import MapArrays

    actors = pd.DataFrame({"id": ["c", "a", "b", "d"],
                           "sector": ["government", "business", "ngo", "ngo"]})
    ties = pd.DataFrame({"source": ["a", "b", "a", "c", "b", "d", "d"],
                         "target": ["b", "a", "b", "d", "c", "d", "a"],
                         "type": ["funding"] * 7})
    with pytest.warns(netmap.DataWarning):
        m = netmap.from_frames(actors, ties, directed=directed)
    assert set(m.issues["code"]) == {"duplicate-tie", "self-tie"}
    assert m._ends is not None
    found = m.arrays
    again = MapArrays.from_tables(m.actors, m.ties, directed)
    assert m._ends is None  # (held by the arrays now)
    np.testing.assert_array_equal(found.source, again.source)
    np.testing.assert_array_equal(found.target, again.target)
    assert found.source.dtype == again.source.dtype == np.int32
    assert m.n_ties == (6 if directed else 5)
    assert (found.adjacency() != again.adjacency()).nnz == 0

"""The masked sparse product of SuiteSparse:GraphBLAS, when ``suitesparse-graphblas`` is installed.

netmap calls the C library through the cffi binding of the
``suitesparse-graphblas`` package (its ``fast`` extra) rather than through
python-graphblas: the binding imports in about 10 ms and needs only cffi,
where python-graphblas requires numba and llvmlite on Python before 3.14
(about 200 MB, and 0.2 s to import). The module is imported by the call
that needs it, never by ``import netmap``.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import scipy.sparse as sp

__all__ = ["closing_pairs", "library"]


def library() -> ModuleType | None:
    """``suitesparse_graphblas``, initialised, or None when it is not installed.

    GraphBLAS is initialised once per process, by the first caller (netmap
    here, or python-graphblas if the program used it first), with
    numpy's memory manager as python-graphblas does; netmap keeps no
    state of its own.
    """
    try:
        import suitesparse_graphblas as ssgb
    except ImportError:
        return None
    if not ssgb.is_initialized():
        try:
            ssgb.initialize()
        except RuntimeError:  # initialised meanwhile by another thread
            if not ssgb.is_initialized():
                raise
    return ssgb


def _check(ssgb: ModuleType, info: int, what: str) -> None:
    if info == ssgb.lib.GrB_SUCCESS:
        return
    if info == ssgb.lib.GrB_OUT_OF_MEMORY:
        raise MemoryError(f"SuiteSparse:GraphBLAS ran out of memory in {what}")
    raise RuntimeError(f"SuiteSparse:GraphBLAS failed in {what} (GrB_Info {info})")


def closing_pairs(ssgb: ModuleType, pairs: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """The entries ``(a, c)`` of ``pairs`` with ``(P @ P)[a, c] > 0``, ``P`` its 0/1 pattern.

    The product masked by ``P`` (``C<P> = P any.pair P``): only the
    entries of ``P`` are computed, never the whole ``P @ P``. Returns the
    rows ``a`` and columns ``c`` as int64 arrays. Gustavson's method (a
    dense row of workspace) takes a quarter less time than the hash
    method GraphBLAS picks by itself on these maps, and one thread less
    processor time than two (the product takes a few tens of milliseconds
    at a million pairs). ``pairs`` must be a CSR array without duplicate
    entries.
    """
    ffi, lib = ssgb.ffi, ssgb.lib
    n, nnz = pairs.shape[0], pairs.nnz
    indptr = pairs.indptr.astype(np.uint64)
    indices = pairs.indices.astype(np.uint64)
    values = np.ones(nnz, dtype=np.bool_)
    matrix = ffi.new("GrB_Matrix*")
    closing = ffi.new("GrB_Matrix*")
    context = ffi.new("GxB_Context*")
    how = ffi.new("GrB_Descriptor*")
    engaged = False
    try:
        _check(ssgb, lib.GrB_Descriptor_new(how), "GrB_Descriptor_new")
        _check(ssgb, lib.GrB_Descriptor_set(how[0], lib.GrB_MASK, lib.GrB_STRUCTURE),
               "GrB_Descriptor_set")
        _check(ssgb, lib.GrB_Descriptor_set(how[0], lib.GxB_AxB_METHOD, lib.GxB_AxB_GUSTAVSON),
               "GrB_Descriptor_set")
        _check(ssgb, lib.GxB_Context_new(context), "GxB_Context_new")
        _check(ssgb, lib.GxB_Context_set_INT32(context[0], lib.GxB_CONTEXT_NTHREADS, 1),
               "GxB_Context_set")
        _check(ssgb, lib.GxB_Context_engage(context[0]), "GxB_Context_engage")
        engaged = True
        _check(ssgb, lib.GrB_Matrix_import_BOOL(
            matrix, lib.GrB_BOOL, n, n, ffi.from_buffer("GrB_Index[]", indptr),
            ffi.from_buffer("GrB_Index[]", indices), ffi.from_buffer("bool[]", values),
            n + 1, nnz, nnz, lib.GrB_CSR_FORMAT), "GrB_Matrix_import")
        _check(ssgb, lib.GrB_Matrix_new(closing, lib.GrB_BOOL, n, n), "GrB_Matrix_new")
        _check(ssgb, lib.GrB_mxm(closing[0], matrix[0], ffi.NULL, lib.GxB_ANY_PAIR_BOOL,
                                 matrix[0], matrix[0], how[0]), "GrB_mxm")
        count = ffi.new("GrB_Index*")
        _check(ssgb, lib.GrB_Matrix_nvals(count, closing[0]), "GrB_Matrix_nvals")
        rows = np.empty(count[0], dtype=np.uint64)
        cols = np.empty(count[0], dtype=np.uint64)
        _check(ssgb, lib.GrB_Matrix_extractTuples_BOOL(
            ffi.from_buffer("GrB_Index[]", rows), ffi.from_buffer("GrB_Index[]", cols),
            ffi.NULL, count, closing[0]), "GrB_Matrix_extractTuples")
    finally:
        lib.GrB_Matrix_free(matrix)
        lib.GrB_Matrix_free(closing)
        if engaged:
            lib.GxB_Context_disengage(context[0])
        lib.GxB_Context_free(context)
        lib.GrB_Descriptor_free(how)
    return rows.view(np.int64), cols.view(np.int64)

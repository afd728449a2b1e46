# sna's Gould-Fernandez brokerage on small fixed graphs: the oracle of
# tests/test_brokerage.py, which reads the JSON this script writes (the test
# suite runs without R).
#
# Regenerate, from the repository root:
#     Rscript tests/oracles/brokerage.R
# which rewrites tests/oracles/brokerage_sna.json. Needs R with the sna and
# jsonlite packages (Debian: apt-get install r-cran-sna r-cran-jsonlite);
# written with sna 2.7-1 and jsonlite 1.8.
#
# Each graph is an edge list over actor ids plus one class (a sector code
# netmap knows) per actor. sna gets the 0/1 adjacency matrix: an undirected
# graph is symmetrised (each tie both ways), a self-tie is one diagonal cell.
# The JSON keeps, per graph, the edges as given, the classes, and sna's
# raw.nli, exp.nli, sd.nli, z.nli (one row per actor, columns w_I w_O b_IO
# b_OI b_O t) and raw.gli, exp.gli, sd.gli, z.gli, with 17 significant digits;
# non-finite numbers are written as the strings "NaN", "Inf", "-Inf".

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- file.path(dirname(normalizePath(script)), "brokerage_sna.json")

graph <- function(name, ids, classes, edges, directed) {
  list(name = name, ids = ids, classes = classes, directed = directed,
       edges = matrix(edges, ncol = 2, byrow = TRUE))
}

# Every role at least once, a reciprocal pair, an isolate (a group of one).
roles_ids <- c("p1", "p2", "p3", "b1", "b2", "t1", "t2", "iso")
roles_cl <- c("public", "public", "public", "business", "business", "third",
              "third", "academia")
roles_edges <- c("p1", "p2",  "p2", "p3",  "p2", "b1",  "b2", "p2",
                 "b1", "t1",  "t1", "b2",  "p3", "t2",  "t2", "b1",
                 "p2", "p1",  "t1", "t2",  "b1", "b2")

set.seed(20240601)
rand_ids <- sprintf("r%02d", 1:30)
rand_cl <- sample(c("public", "business", "third", "philanthropy"), 30, TRUE)
rand_el <- unique(cbind(sample(rand_ids, 110, TRUE), sample(rand_ids, 110, TRUE)))
rand_el <- rand_el[rand_el[, 1] != rand_el[, 2], ]

und_ids <- sprintf("u%02d", 1:25)
und_cl <- sample(c("public", "business", "third", "academia", "community"), 25, TRUE)
und_el <- cbind(sample(und_ids, 45, TRUE), sample(und_ids, 45, TRUE))
und_el <- und_el[und_el[, 1] != und_el[, 2], ]
und_el <- und_el[!duplicated(t(apply(und_el, 1, sort))), ]

graphs <- list(
  graph("roles_directed", roles_ids, roles_cl, roles_edges, TRUE),
  graph("roles_undirected", roles_ids, roles_cl, roles_edges, FALSE),
  graph("loop_directed", c("a", "b", "c", "d", "e"),
        c("public", "public", "business", "business", "third"),
        c("a", "b",  "b", "c",  "c", "d",  "d", "e",  "b", "b",  "e", "a"), TRUE),
  graph("loop_undirected", c("a", "b", "c", "d", "e", "f"),
        c("public", "business", "business", "third", "third", "third"),
        c("a", "b",  "b", "c",  "c", "d",  "b", "d",  "d", "e",  "c", "c"), FALSE),
  graph("one_group", c("a", "b", "c", "d"), rep("third", 4),
        c("a", "b",  "b", "c",  "c", "d",  "d", "a"), TRUE),
  graph("small_groups", c("a", "b", "c"), c("public", "business", "business"),
        c("a", "b",  "b", "c"), TRUE),
  # A self-tie raises the density to 1 with a tie missing: sd 0 and z Inf.
  graph("loop_density_one", c("x", "y", "z"), c("public", "public", "third"),
        c("x", "y",  "y", "x",  "y", "z",  "z", "x",  "z", "y",  "y", "y"), TRUE),
  # Every tie and a self-tie: density above 1, negative variances, sd NaN.
  graph("complete_with_loop", c("x", "y", "z"), c("public", "business", "third"),
        c("x", "y",  "y", "z",  "x", "z",  "x", "x"), FALSE),
  graph("random_directed", rand_ids, rand_cl, t(rand_el), TRUE),
  graph("random_undirected", und_ids, und_cl, t(und_el), FALSE)
)

# Numbers as JSON text with 17 significant digits (jsonlite stops at 15), so
# that they read back as the very doubles sna computed.
number <- function(v) {
  if (is.nan(v)) return('"NaN"')
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
finite <- function(x) {
  x <- unname(x)
  rows <- if (is.matrix(x)) lapply(seq_len(nrow(x)), function(i) x[i, ]) else list(x)
  text <- vapply(rows, function(r) paste0("[", paste(vapply(r, number, ""),
                                                     collapse = ","), "]"), "")
  if (!is.matrix(x)) return(structure(text, class = "json"))
  structure(paste0("[", paste(text, collapse = ","), "]"), class = "json")
}

results <- lapply(graphs, function(gr) {
  n <- length(gr$ids)
  adj <- matrix(0, n, n, dimnames = list(gr$ids, gr$ids))
  for (r in seq_len(nrow(gr$edges))) {
    adj[gr$edges[r, 1], gr$edges[r, 2]] <- 1
    if (!gr$directed) adj[gr$edges[r, 2], gr$edges[r, 1]] <- 1
  }
  # complete_with_loop takes the square root of negative variances: NaN, warned.
  b <- suppressWarnings(brokerage(adj, gr$classes))
  list(name = gr$name, directed = gr$directed, ids = gr$ids, classes = gr$classes,
       edges = lapply(seq_len(nrow(gr$edges)), function(r) unname(gr$edges[r, ])),
       arcs = sum(adj != 0),
       columns = colnames(b$raw.nli),
       raw_nli = finite(b$raw.nli), exp_nli = finite(b$exp.nli),
       sd_nli = finite(b$sd.nli), z_nli = finite(b$z.nli),
       raw_gli = finite(b$raw.gli), exp_gli = finite(b$exp.gli),
       sd_gli = finite(b$sd.gli), z_gli = finite(b$z.gli))
})

meta <- list(sna = as.character(packageVersion("sna")),
             R = paste(R.version$major, R.version$minor, sep = "."),
             script = "tests/oracles/brokerage.R")
# One line per graph, so that a change shows as a change of that graph.
json <- function(x) toJSON(x, auto_unbox = TRUE, json_verbatim = TRUE)
lines <- c(paste0('{"meta": ', json(meta), ', "graphs": ['),
           paste0(vapply(results, json, ""), c(rep(",", length(results) - 1), "")),
           "]}")
writeLines(lines, out)

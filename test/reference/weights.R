# Reference values for gapreport's survey weighting, from R's survey package (Lumley):
# post-stratification (postStratify), raking (rake), trimming (trimWeights, strict = TRUE),
# weighted means and proportions (svymean) and design effects. Run from the repository root:
#   Rscript test/reference/weights.R > test/reference/weights_expected.json
# Input: test/reference/weighting/responses.csv (written by make_responses.py there).
#
# Two design effects, not to be confused:
#   kish_deff  = n * sum(w^2) / sum(w)^2 = 1 + CV^2 of the weights: what gapreport publishes
#                (figures `deff`, meta.weighting.waves[].deff), with n_eff = sum(w)^2 / sum(w^2).
#   r_deff_*   = svymean(..., deff = "replace"): the ratio of the design-based variance of that one
#                estimate to its variance under simple random sampling with replacement. It depends on the
#                estimate, and on calibration (raking on variables the answers follow makes it < 1
#                where Kish's is > 1); gapreport does not publish it (kept for reference).
suppressPackageStartupMessages(library(survey))
options(digits = 17)

df <- read.csv("test/reference/weighting/responses.csv", stringsAsFactors = FALSE, na.strings = "")
n <- nrow(df)
df$promoter <- as.numeric(df$nps >= 9)
df$detractor <- as.numeric(df$nps <= 6)
df$top2 <- as.numeric(df$csat >= 4)
df$gap_care <- df$p_care - df$e_care

region_share <- c(North = 0.35, South = 0.35, East = 0.30)
age_share <- c("18-34" = 0.30, "35-54" = 0.40, "55+" = 0.30)
pop_region <- data.frame(region = names(region_share), Freq = unname(region_share) * n)
pop_age <- data.frame(age = names(age_share), Freq = unname(age_share) * n)

figures <- function(design) {
  w <- weights(design)
  m <- function(f) unname(coef(svymean(f, design, na.rm = TRUE)))
  # With replacement: no finite-population correction (the weights sum to n, not to a population).
  rdeff <- function(f) suppressWarnings(unname(deff(svymean(f, design, na.rm = TRUE, deff = "replace"))))
  list(
    n = n,
    weighted_n = sum(w),
    n_eff = sum(w)^2 / sum(w^2),
    kish_deff = n * sum(w^2) / sum(w)^2,
    weight_min = min(w),
    weight_max = max(w),
    nps_score = 100 * (m(~promoter) - m(~detractor)),
    promoters = m(~promoter),
    detractors = m(~detractor),
    csat_top2box = 100 * m(~top2),
    csat_mean = m(~csat),
    ces_mean = m(~ces),
    overall_mean = m(~overall),
    speed_perception = m(~p_speed),
    speed_expectation = m(~e_speed),
    care_gap = m(~gap_care),
    r_deff_overall = rdeff(~overall),
    r_deff_promoter = rdeff(~promoter),
    # One weight per weighting cell (region x age), for the cell tables of weights-calibration.ts.
    cell_weights = lapply(split(w, paste(df$region, df$age, sep = "|")), function(x) unname(x[1]))
  )
}

equal <- svydesign(ids = ~1, data = df, weights = rep(1, n))
post <- postStratify(equal, ~region, pop_region)
raked <- rake(equal, list(~region, ~age), list(pop_region, pop_age), control = list(maxit = 1000, epsilon = 1e-14))
trimmed <- trimWeights(raked, lower = 0.5, upper = 1.6, strict = TRUE)
column <- svydesign(ids = ~1, data = df, weights = ~weight)

out <- list(
  note = "Rscript test/reference/weights.R; survey package; kish_deff is gapreport's deff, r_deff_* is svymean(deff = replace), a per-estimate variance ratio (not published; calibration can make it < 1)",
  survey_version = as.character(packageVersion("survey")),
  targets = list(region = as.list(region_share), age = as.list(age_share)),
  trim = list(lower = 0.5, upper = 1.6),
  cases = list(
    unweighted = figures(equal),
    post_stratification = figures(post),
    raking = figures(raked),
    raking_trimmed = figures(trimmed),
    column = figures(column)
  )
)
# Every figure to 17 significant digits, so the tests can compare to 1e-9.
cat((function(x) {
  enc <- function(v) {
    if (is.list(v)) {
      keys <- names(v)
      body <- vapply(seq_along(v), function(i) paste0('"', keys[i], '": ', enc(v[[i]])), "")
      return(paste0("{", paste(body, collapse = ", "), "}"))
    }
    if (is.character(v)) return(paste0('"', v, '"'))
    if (length(v) != 1) stop("scalars only")
    if (!is.finite(v)) return("null")
    trimws(formatC(v, digits = 17, format = "g"))
  }
  enc(x)
})(out), "\n")

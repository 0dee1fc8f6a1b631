// Internal to the corpus stage: years for articles that carry no date of
// their own, taken from the rest of the corpus.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace annals {

struct DocumentFindings;

// Why a timex got its year: "year from <doc> sentence N: <evidence>".
// Keyed by (document index, timex index).
using DatingBasis = std::map<std::pair<size_t, size_t>, std::string>;

// For each document without a DCT, completes partial dates ("XXXX-05-16")
// with a year found, in order of trust: the same event dated in another
// article; an explicit year in its own text; the year every dated article
// of the corpus shares. Rewrites the timexes' values and bounds and marks
// them inferred.
DatingBasis complete_years(std::vector<DocumentFindings>& documents);

}  // namespace annals

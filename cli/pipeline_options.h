// --dct and --aliases, shared by build and annotate.
#pragma once

#include <string>

#include "pipeline.h"

namespace annals::cli {

Result<PipelineOptions> parse_pipeline_options(const std::string& dct, const std::string& aliases);

}  // namespace annals::cli

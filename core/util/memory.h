// Hands the heap's free pages back to the system. glibc keeps the pages of
// freed memory that lies between live allocations; a corpus frees each
// document's findings as it is merged, and without this the process would
// keep them as long as it runs.
#pragma once

namespace annals {

void release_free_memory();

}  // namespace annals

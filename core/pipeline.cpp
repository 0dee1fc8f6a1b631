#include "pipeline.h"
#include "util/memory.h"

namespace annals {

Pipeline::Pipeline(const Resources& resources, PipelineOptions options, TimeTagger times,
                   ActorTagger actors, EventTagger events, RelationFinder relations, EventVocabulary vocabulary)
    : options_(std::move(options)), boilerplate_(resources), segmenter_(resources), times_(std::move(times)),
      actors_(std::move(actors)), events_(std::move(events)), relations_(std::move(relations)),
      vocabulary_(std::move(vocabulary)) {}

Result<Pipeline> Pipeline::create(const Resources& resources, PipelineOptions options) {
  auto times = TimeTagger::create(resources);
  if (!times) return times.error();
  auto actors = ActorTagger::create(resources, options.aliases);
  if (!actors) return actors.error();
  auto events = EventTagger::create(resources);
  if (!events) return events.error();
  auto relations = RelationFinder::create(resources);
  if (!relations) return relations.error();
  auto vocabulary = EventVocabulary::load(resources);
  if (!vocabulary) return vocabulary.error();
  return Pipeline(resources, std::move(options), std::move(*times), std::move(*actors),
                  std::move(*events), std::move(*relations), std::move(*vocabulary));
}

namespace {

// The page's own publication date, when its metadata gives a real one.
std::optional<Dct> from_metadata(const Document& doc) {
  if (!doc.published) return std::nullopt;
  auto dct = TimeTagger::parse_dct(*doc.published);
  if (!dct) return std::nullopt;
  dct->source = DctSource::metadata;
  return *dct;
}

}  // namespace

DocumentAnalysis Pipeline::analyse(Document doc, const std::optional<Dct>& dct) const {
  DocumentAnalysis a;
  boilerplate_.mark(doc);
  auto found_dct = times_.find_dct(doc);  // also marks the date line
  doc.dct = dct ? dct : options_.dct ? options_.dct : from_metadata(doc) ? from_metadata(doc) : found_dct;
  a.seg = segmenter_.segment(doc);
  a.timexes = times_.tag(doc, a.seg);
  a.actors = actors_.tag(doc, a.seg, a.timexes);
  a.events = events_.tag(doc, a.seg, a.timexes, a.actors);
  a.relations = relations_.find(doc, a.seg, a.events, a.actors);
  a.doc = std::move(doc);
  return a;
}

DocumentFindings Pipeline::reduce(DocumentAnalysis&& analysis) const {
  return reduce_document(std::move(analysis), vocabulary_);
}

Graph Pipeline::assemble(std::vector<DocumentFindings>& documents) const {
  return assemble_graph(documents, actors_, vocabulary_);
}

Graph Pipeline::assemble(std::vector<DocumentAnalysis>& documents) const {
  std::vector<DocumentFindings> findings;
  findings.reserve(documents.size());
  for (auto& a : documents) findings.push_back(reduce(std::move(a)));
  return assemble(findings);
}

Result<Graph> run_pipeline(const std::vector<std::string>& paths, const Resources& resources,
                           const PipelineOptions& options) {
  auto pipeline = Pipeline::create(resources, options);
  if (!pipeline) return pipeline.error();
  std::vector<DocumentFindings> documents;
  documents.reserve(paths.size());
  for (const auto& path : paths) {
    auto doc = read_document(path);
    if (!doc) return doc.error();
    documents.push_back(pipeline->reduce(pipeline->analyse(std::move(*doc))));
  }
  Graph graph = pipeline->assemble(documents);
  std::vector<DocumentFindings>().swap(documents);
  release_free_memory();  // before the caller writes the graph out
  return graph;
}

}  // namespace annals

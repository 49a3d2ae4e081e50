using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Practice;

// The grading service for writing and translation. Today it is the offline estimate; the AI engine
// puts the provider chain in front of it and falls back to it.
public sealed class EssayGrading(WordIndexProvider words, IOptions<ScoringOptions> options)
{
    public async Task<EssayGrade> GradeAsync(ItemView item, string response, CancellationToken cancellationToken = default)
    {
        var index = await words.GetAsync(cancellationToken);
        var grader = new OfflineGrader(w => index.Find(w) is not null, options);
        return item.Type == ItemType.Writing
            ? grader.GradeWriting(response, item.Draft.Passage, item.Draft.MinWords ?? 120, item.Draft.MaxWords ?? 180)
            : grader.GradeTranslation(response, item.Draft.Reference ?? "");
    }
}

using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Features.Explanations;

public sealed class ExplanationCacheOptions
{
    public const string Section = "Ai:ExplanationCache";

    // Characters of explanation text kept in memory (about two bytes each): 4,000,000 is roughly 8 MB,
    // some 6,000 explanations. Everything else is read from the database.
    [Range(10_000, 1_000_000_000)]
    public long MemoryCharacters { get; set; } = 4_000_000;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Vocabulary;

internal sealed class WordConfiguration : IEntityTypeConfiguration<Word>
{
    public void Configure(EntityTypeBuilder<Word> word)
    {
        word.Property(w => w.Headword).HasMaxLength(64);
        word.Property(w => w.Phonetic).HasMaxLength(64);
        word.Property(w => w.PartsOfSpeech).HasMaxLength(32);
        word.Property(w => w.TranslationZh).HasMaxLength(200);
        word.Property(w => w.DefinitionEn).HasMaxLength(400);
        word.Property(w => w.Forms).HasMaxLength(200);
        word.Ignore(w => w.MainPartOfSpeech);
        word.Ignore(w => w.FrequencyRank);
        word.HasIndex(w => w.Headword).IsUnique().HasDatabaseName("IX_Words_Headword");
        word.HasMany(w => w.Examples).WithOne().HasForeignKey(e => e.WordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WordExampleConfiguration : IEntityTypeConfiguration<WordExample>
{
    public void Configure(EntityTypeBuilder<WordExample> example)
    {
        example.Property(e => e.Form).HasMaxLength(64);
        example.Property(e => e.English).HasMaxLength(500);
        example.Property(e => e.Chinese).HasMaxLength(500);
        example.Property(e => e.Attribution).HasMaxLength(200);
        example.HasIndex(e => e.WordId).HasDatabaseName("IX_WordExamples_Word");
    }
}

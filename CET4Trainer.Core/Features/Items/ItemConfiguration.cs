using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Items;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Item> item)
    {
        // Small columns first and the large ones (content, explanation) last: SQLite reads a row's
        // columns in order, so list and search queries never walk the content's overflow pages.
        var order = 0;
        item.Property(i => i.Id).HasColumnOrder(order++);
        item.Property(i => i.Type).HasColumnOrder(order++);
        item.Property(i => i.Section).HasColumnOrder(order++);
        item.Property(i => i.Status).HasColumnOrder(order++);
        item.Property(i => i.Source).HasColumnOrder(order++);
        item.Property(i => i.Difficulty).HasColumnOrder(order++);
        item.Property(i => i.OwnerId).HasColumnOrder(order++);
        item.Property(i => i.UpdatedUtc).HasColumnOrder(order++);
        item.Property(i => i.CreatedUtc).HasColumnOrder(order++);
        item.Property(i => i.Version).HasColumnOrder(order++);
        item.Property(i => i.Key).HasColumnOrder(order++);
        item.Property(i => i.SourceProvider).HasColumnOrder(order++);
        item.Property(i => i.SourceModel).HasColumnOrder(order++);
        item.Property(i => i.Title).HasColumnOrder(order++);
        item.Property(i => i.SearchText).HasColumnOrder(order++);
        item.Property(i => i.Explanation).HasColumnOrder(order++);
        item.Property(i => i.Content).HasColumnOrder(order++);

        item.Property(i => i.Title).HasMaxLength(200);
        item.Property(i => i.Key).HasMaxLength(64);
        item.Property(i => i.SourceProvider).HasMaxLength(100);
        item.Property(i => i.SourceModel).HasMaxLength(100);
        item.Property(i => i.OwnerId).HasMaxLength(450);
        item.Property(i => i.SearchText).HasMaxLength(ItemMapper.SearchTextLength);
        item.Property(i => i.Content)
            .HasConversion(
                c => JsonSerializer.Serialize(c, Json),
                s => JsonSerializer.Deserialize<ItemContent>(s, Json) ?? new ItemContent(),
                new ValueComparer<ItemContent>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    c => JsonSerializer.Serialize(c, Json).GetHashCode(),
                    c => JsonSerializer.Deserialize<ItemContent>(JsonSerializer.Serialize(c, Json), Json)!))
            .HasColumnName("ContentJson");
        item.HasMany(i => i.Questions).WithOne().HasForeignKey(q => q.ItemId).OnDelete(DeleteBehavior.Cascade);
        item.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);

        item.HasIndex(i => i.Key).IsUnique().HasDatabaseName("IX_Items_Key");
        // The question bank filters by these and pages by UpdatedUtc.
        item.HasIndex(i => new { i.Status, i.Type, i.UpdatedUtc }).HasDatabaseName("IX_Items_Status_Type_Updated");
        item.HasIndex(i => new { i.Section, i.UpdatedUtc }).HasDatabaseName("IX_Items_Section_Updated");
        item.HasIndex(i => new { i.OwnerId, i.UpdatedUtc }).HasDatabaseName("IX_Items_Owner_Updated");
        item.HasIndex(i => i.UpdatedUtc).HasDatabaseName("IX_Items_Updated");
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Question> question)
    {
        question.Property(q => q.Answer).HasMaxLength(100);
        question.Property(q => q.Options)
            .HasConversion(
                o => JsonSerializer.Serialize(o, Json),
                s => JsonSerializer.Deserialize<List<string>>(s, Json) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), o => o.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), o => o.ToList()))
            .HasColumnName("OptionsJson");
        question.HasIndex(q => new { q.ItemId, q.Number }).IsUnique().HasDatabaseName("IX_Questions_Item_Number");
    }
}

internal sealed class ItemTagConfiguration : IEntityTypeConfiguration<ItemTag>
{
    public void Configure(EntityTypeBuilder<ItemTag> tag)
    {
        tag.HasKey(t => new { t.ItemId, t.Tag });
        tag.Property(t => t.Tag).HasMaxLength(30);
        tag.HasIndex(t => t.Tag).HasDatabaseName("IX_ItemTags_Tag");
    }
}

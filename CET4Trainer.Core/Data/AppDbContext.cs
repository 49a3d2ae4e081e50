using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Explanations;
using CET4Trainer.Core.Features.Feynman;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Review;
using CET4Trainer.Core.Features.StudyPlans;
using CET4Trainer.Core.Features.Vocabulary;
using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Core.Operations.Alerts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Data;

// One model for every provider. Each provider has a subclass so that EF keeps a separate
// migration set per provider in one assembly (see docs/decisions/0003-migrations-per-provider.md).
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    // Cookie and antiforgery keys live in the database so every node (and every restart) can read them.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseMember> CourseMembers => Set<CourseMember>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AssignmentItem> AssignmentItems => Set<AssignmentItem>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<ItemTag> ItemTags => Set<ItemTag>();
    public DbSet<Word> Words => Set<Word>();
    public DbSet<WordExample> WordExamples => Set<WordExample>();
    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();
    public DbSet<SessionItem> SessionItems => Set<SessionItem>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Mistake> Mistakes => Set<Mistake>();
    public DbSet<VocabCard> VocabCards => Set<VocabCard>();
    public DbSet<ReviewLogEntry> ReviewLog => Set<ReviewLogEntry>();
    public DbSet<StudyPreferences> StudyPreferences => Set<StudyPreferences>();
    public DbSet<AiCall> AiCalls => Set<AiCall>();
    public DbSet<AiTask> AiTasks => Set<AiTask>();
    public DbSet<EssayReview> EssayReviews => Set<EssayReview>();
    public DbSet<StudyPlan> StudyPlans => Set<StudyPlan>();
    public DbSet<ExplanationCacheEntry> ExplanationCache => Set<ExplanationCacheEntry>();
    public DbSet<FeynmanSession> FeynmanSessions => Set<FeynmanSession>();
    public DbSet<MetricSnapshot> MetricSnapshots => Set<MetricSnapshot>();
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

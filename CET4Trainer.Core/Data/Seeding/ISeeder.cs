namespace CET4Trainer.Core.Data.Seeding;

// Seeders run in registration order on every start and must be idempotent.
public interface ISeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

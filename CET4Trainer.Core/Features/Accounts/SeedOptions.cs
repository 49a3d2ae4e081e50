namespace CET4Trainer.Core.Features.Accounts;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool DemoData { get; set; }

    // Empty means: generate a random password on first start and write it to data/demo-accounts.txt.
    public string DemoPassword { get; set; } = "";
}

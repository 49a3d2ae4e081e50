using System.Text;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Data.Seeding;
using CET4Trainer.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Accounts;

// Creates the three demo accounts once. Their password is never written to a log: it goes to the
// console and to a file only its owner can read.
internal sealed class DemoAccountSeeder(
    UserManager<ApplicationUser> users,
    IOptions<SeedOptions> options,
    AppPaths paths,
    ILogger<DemoAccountSeeder> logger) : ISeeder
{
    public static readonly IReadOnlyList<(string Email, string Role, string Name)> Accounts =
    [
        ("admin@cet4.local", Roles.Admin, "系统管理员"),
        ("teacher@cet4.local", Roles.Teacher, "王老师"),
        ("student@cet4.local", Roles.Student, "李同学"),
    ];

    public string AccountsFile => Path.Combine(paths.Data, "demo-accounts.txt");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData)
        {
            return;
        }
        var missing = new List<(string Email, string Role, string Name)>();
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is null)
            {
                missing.Add(account);
            }
        }
        if (missing.Count == 0)
        {
            return;
        }

        var configured = options.Value.DemoPassword;
        var password = string.IsNullOrEmpty(configured) ? PasswordGenerator.Create() : configured;
        foreach (var (email, role, name) in missing)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                var reasons = string.Join(" ", created.Errors.Select(e => e.Description));
                throw new InvalidOperationException(string.IsNullOrEmpty(configured)
                    ? $"Could not create demo account {email}: {reasons}"
                    : $"Seed:DemoPassword does not meet the password policy: {reasons}");
            }
            await users.AddToRoleAsync(user, role);
        }
        logger.LogInformation("Created {Count} demo accounts", missing.Count);

        if (string.IsNullOrEmpty(configured))
        {
            var text = Describe(missing, password);
            WriteOwnerOnly(AccountsFile, text);
            Console.WriteLine(text);
        }
    }

    private string Describe(List<(string Email, string Role, string Name)> created, string password)
    {
        var text = new StringBuilder();
        text.AppendLine("CET4Trainer demo accounts (演示账号), created " + DateTime.UtcNow.ToString("u"));
        foreach (var (email, role, _) in created)
        {
            text.AppendLine($"  {Roles.DisplayName(role),-4} {email}  password: {password}");
        }
        text.AppendLine($"This file is {AccountsFile}; it is written once and readable by its owner only.");
        return text.ToString();
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, mode);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(text);
    }
}

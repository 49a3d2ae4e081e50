using Microsoft.AspNetCore.Identity;

namespace CET4Trainer.Core.Data;

public class ApplicationUser : IdentityUser
{
    // Shown in the app bar and to teachers; the e-mail stays the login name.
    [PersonalData]
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}

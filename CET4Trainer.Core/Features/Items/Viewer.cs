namespace CET4Trainer.Core.Features.Items;

// Who is asking: ownership checks in the services use this, never a user id taken from a URL.
public sealed record Viewer(string UserId, bool IsAdmin)
{
    public bool CanSee(Item item) => IsAdmin || item.OwnerId is null || item.OwnerId == UserId;

    // Shared content (bundled, unowned) is changed by admins only; teachers change their own.
    public bool CanEdit(Item item) => IsAdmin || item.OwnerId == UserId;
}

namespace CET4Trainer.Core.Features.Items;

// Told when an item's content changes, so caches of answer keys drop the old version.
public interface IItemChangeListener
{
    void ItemChanged(int itemId);
}

#!/usr/bin/env bash
# Adds a migration named $1 to both provider sets (SQLite and PostgreSQL) so they never drift apart.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project CET4Trainer.Core --startup-project CET4Trainer.Core \
    --context "${provider}AppDbContext" --output-dir "Data/Migrations/$provider" \
    --namespace "CET4Trainer.Core.Data.Migrations.$provider"
  # With --namespace, EF writes the model snapshot under a folder named after the namespace.
  stray="CET4Trainer.Core/CET4Trainer/Core/Data/Migrations/$provider"
  if [ -d "$stray" ]; then
    mv "$stray"/*.cs "CET4Trainer.Core/Data/Migrations/$provider/"
  fi
done
rm -rf CET4Trainer.Core/CET4Trainer

#!/usr/bin/env bash
# Stops the compose stack and removes its containers, networks and volumes (all data).
set -euo pipefail
cd "$(dirname "$0")/../.."
docker-compose down --volumes --remove-orphans

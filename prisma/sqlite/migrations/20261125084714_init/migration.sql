-- CreateTable
CREATE TABLE "networks" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "network" TEXT NOT NULL,
    "cidr" INTEGER NOT NULL,
    "family" INTEGER NOT NULL,
    "start_key" TEXT NOT NULL,
    "end_key" TEXT NOT NULL,
    "name" TEXT,
    "domain" TEXT,
    "vlan_id" INTEGER,
    "description" TEXT,
    "location" TEXT,
    "gateway" TEXT,
    "dhcp_start" TEXT,
    "dhcp_end" TEXT,
    "parent_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "networks_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "networks" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "hosts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ip_address" TEXT NOT NULL,
    "ip_key" TEXT NOT NULL,
    "family" INTEGER NOT NULL,
    "hostname" TEXT,
    "cname" TEXT,
    "mac_address" TEXT,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "last_seen" DATETIME,
    "discovery_source" TEXT,
    "network_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "hosts_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_hint" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "expires_at" DATETIME,
    "last_used_at" DATETIME,
    "user_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "networks_start_key_end_key_idx" ON "networks"("start_key", "end_key");

-- CreateIndex
CREATE INDEX "networks_parent_id_idx" ON "networks"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "networks_network_cidr_key" ON "networks"("network", "cidr");

-- CreateIndex
CREATE UNIQUE INDEX "hosts_ip_address_key" ON "hosts"("ip_address");

-- CreateIndex
CREATE UNIQUE INDEX "hosts_ip_key_key" ON "hosts"("ip_key");

-- CreateIndex
CREATE INDEX "hosts_network_id_ip_key_idx" ON "hosts"("network_id", "ip_key");

-- CreateIndex
CREATE INDEX "hosts_hostname_idx" ON "hosts"("hostname");

-- CreateIndex
CREATE INDEX "hosts_status_idx" ON "hosts"("status");

-- CreateIndex
CREATE UNIQUE INDEX "hosts_family_mac_address_key" ON "hosts"("family", "mac_address");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- Sort keys compare byte-wise (COLLATE "C"): their byte order is address order,
-- whatever the database's default collation.
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "networks" (
    "id" SERIAL NOT NULL,
    "network" TEXT NOT NULL,
    "cidr" INTEGER NOT NULL,
    "family" INTEGER NOT NULL,
    "start_key" TEXT COLLATE "C" NOT NULL,
    "end_key" TEXT COLLATE "C" NOT NULL,
    "name" TEXT,
    "domain" TEXT,
    "vlan_id" INTEGER,
    "description" TEXT,
    "location" TEXT,
    "gateway" TEXT,
    "dhcp_start" TEXT,
    "dhcp_end" TEXT,
    "parent_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "networks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hosts" (
    "id" SERIAL NOT NULL,
    "ip_address" TEXT NOT NULL,
    "ip_key" TEXT COLLATE "C" NOT NULL,
    "family" INTEGER NOT NULL,
    "hostname" TEXT,
    "cname" TEXT,
    "mac_address" TEXT,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "last_seen" TIMESTAMP(3),
    "discovery_source" TEXT,
    "network_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hosts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_hint" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "user_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "networks" ADD CONSTRAINT "networks_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "networks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosts" ADD CONSTRAINT "hosts_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

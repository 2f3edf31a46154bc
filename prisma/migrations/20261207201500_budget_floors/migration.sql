-- CreateTable
CREATE TABLE "BudgetFloor" (
    "guildId" TEXT NOT NULL,
    "category" "ContributionCategory" NOT NULL,
    "shareBps" INTEGER NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetFloor_pkey" PRIMARY KEY ("guildId","category"),
    -- A floor is a share of the budget: more than nothing, at most all of it.
    CONSTRAINT "BudgetFloor_shareBps_check" CHECK ("shareBps" > 0 AND "shareBps" <= 10000)
);

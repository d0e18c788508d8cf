trigger InfluenceLinkTrigger on Influence_Link__c(before insert, before update) {
    new InfluenceLinkTriggerHandler().run();
}
